package heapscope.parser.read.hprof.index;

import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofFormatException;
import heapscope.parser.read.hprof.input.DumpInput;

/**
 * One CLASS DUMP record and what the reader derives from it. The record's fields are set by the first pass; the
 * derived ones (name, superclass index, reference plan, sizes, node ordinal) by
 * {@link heapscope.parser.read.hprof.pass.ClassResolver} before the second pass. Classes are few (thousands to a
 * few hundred thousand), so one object each is fine.
 *
 * <p>Single-threaded while the dump is read. Public only so that the reader's sub-packages share it; not part of the
 * engine's API.
 */
public final class HprofClass {
    public final long id;
    public final long superId;
    public final long loaderId;
    public final long signersId;
    public final long protectionDomainId;
    /** The record's instance size: HotSpot writes the sum of the declared field sizes, ART the real size. */
    public final int instanceSizeInFile;
    public final int[] constantPoolIndexes;
    public final byte[] constantPoolTypes;
    public final long[] constantPoolValues;
    public final long[] staticNameIds;
    public final byte[] staticTypes;
    /** Static values as raw bits: ids for references, sign-extended primitives. */
    public final long[] staticValues;
    /** Instance fields declared by this class only, in record order. */
    public final long[] fieldNameIds;
    public final byte[] fieldTypes;

    // Derived by the first pass as soon as the superclass chain is known.
    /** Bytes of field values an INSTANCE DUMP of this class carries (whole chain); -1 until known. */
    public int fieldBytesInFile = -1;
    /** Offsets within the instance's field bytes of its reference fields (subclass first), or null until known. */
    public int[] referenceOffsets;
    /** Whether this is java.lang.Thread or a subclass: 0 not known yet, 1 yes, 2 no (see IndexingPass). */
    public byte threadClass;

    // Derived by ClassResolver.
    public String javaName;
    /** String index of "class " + the Java name: the display label of the class object's node. */
    public int labelIndex;
    /** Static field names by static index (null entries for names the dump lacks). */
    public String[] staticNames;
    /** Instance field names declared by this class, by field index (null entries for names the dump lacks). */
    public String[] fieldNames;
    public int nameIndex;
    public int superIndex = -1;
    /** By reference field (same order as {@link #referenceOffsets}): edge name index and edge type. */
    public int[] referenceNameIndexes;
    public byte[] referenceEdgeTypes;
    /** Shallow size of an instance under the inferred layout. */
    public long instanceSize;
    /** Shallow size of this class's {@code java.lang.Class} mirror (instance fields plus statics). */
    public long mirrorSize;

    // Address-gap evidence from the first pass: the gaps after instances of this class to the next object in the
    // file, the first few distinct ones counted exactly, the rest only in total, and the smallest.
    static final int TALLIED_GAPS = 4;
    long[] gapValues;
    int[] gapCounts;
    public int gapObservations;
    public long minGap = Long.MAX_VALUE;

    public HprofClass(long id, long superId, long loaderId, long signersId, long protectionDomainId,
            int instanceSizeInFile, int[] constantPoolIndexes, byte[] constantPoolTypes, long[] constantPoolValues,
            long[] staticNameIds, byte[] staticTypes, long[] staticValues, long[] fieldNameIds, byte[] fieldTypes) {
        this.id = id;
        this.superId = superId;
        this.loaderId = loaderId;
        this.signersId = signersId;
        this.protectionDomainId = protectionDomainId;
        this.instanceSizeInFile = instanceSizeInFile;
        this.constantPoolIndexes = constantPoolIndexes;
        this.constantPoolTypes = constantPoolTypes;
        this.constantPoolValues = constantPoolValues;
        this.staticNameIds = staticNameIds;
        this.staticTypes = staticTypes;
        this.staticValues = staticValues;
        this.fieldNameIds = fieldNameIds;
        this.fieldTypes = fieldTypes;
    }

    /** Counts one address gap seen after an instance of this class. */
    public void observeGap(long gap) {
        gapObservations++;
        minGap = Math.min(minGap, gap);
        if (gapValues == null) {
            gapValues = new long[TALLIED_GAPS];
            gapCounts = new int[TALLIED_GAPS];
        }
        for (int i = 0; i < TALLIED_GAPS; i++) {
            if (gapCounts[i] == 0) {
                gapValues[i] = gap;
                gapCounts[i] = 1;
                return;
            }
            if (gapValues[i] == gap) {
                gapCounts[i]++;
                return;
            }
        }
    }

    /** How many gaps after instances of this class were exactly {@code gap} (0 if it was not among the tallied). */
    public int gapCount(long gap) {
        if (gapValues != null) {
            for (int i = 0; i < TALLIED_GAPS; i++) {
                if (gapCounts[i] > 0 && gapValues[i] == gap) {
                    return gapCounts[i];
                }
            }
        }
        return 0;
    }

    /** The most frequent tallied gap, or -1. */
    public long mostFrequentGap() {
        long best = -1;
        int bestCount = 0;
        if (gapValues != null) {
            for (int i = 0; i < TALLIED_GAPS; i++) {
                if (gapCounts[i] > bestCount) {
                    best = gapValues[i];
                    bestCount = gapCounts[i];
                }
            }
        }
        return best;
    }

    /** Reads a CLASS DUMP body (after the tag byte). */
    public static HprofClass read(DumpInput in, long recordStart) {
        long id = in.id();
        in.u4(); // stack trace serial
        long superId = in.id();
        long loaderId = in.id();
        long signersId = in.id();
        long protectionDomainId = in.id();
        in.id(); // reserved
        in.id(); // reserved
        int instanceSize = in.u4();
        int cpCount = in.u2();
        int[] cpIndexes = new int[cpCount];
        byte[] cpTypes = new byte[cpCount];
        long[] cpValues = new long[cpCount];
        for (int i = 0; i < cpCount; i++) {
            cpIndexes[i] = in.u2();
            long at = in.position();
            int type = in.u1();
            checkType(type, at, recordStart);
            cpTypes[i] = (byte) type;
            cpValues[i] = in.value(type);
        }
        int staticCount = in.u2();
        long[] staticNames = new long[staticCount];
        byte[] staticTypes = new byte[staticCount];
        long[] staticValues = new long[staticCount];
        for (int i = 0; i < staticCount; i++) {
            staticNames[i] = in.id();
            long at = in.position();
            int type = in.u1();
            checkType(type, at, recordStart);
            staticTypes[i] = (byte) type;
            staticValues[i] = in.value(type);
        }
        int fieldCount = in.u2();
        long[] fieldNames = new long[fieldCount];
        byte[] fieldTypes = new byte[fieldCount];
        for (int i = 0; i < fieldCount; i++) {
            fieldNames[i] = in.id();
            long at = in.position();
            int type = in.u1();
            checkType(type, at, recordStart);
            fieldTypes[i] = (byte) type;
        }
        return new HprofClass(id, superId, loaderId, signersId, protectionDomainId, instanceSize, cpIndexes, cpTypes,
                cpValues, staticNames, staticTypes, staticValues, fieldNames, fieldTypes);
    }

    private static void checkType(int type, long at, long recordStart) {
        if (type != HprofBasicType.OBJECT && !HprofBasicType.isPrimitive(type)) {
            throw new HprofFormatException("unknown basic type " + type + " at byte " + at
                    + " in the CLASS DUMP record at byte " + recordStart);
        }
    }
}
