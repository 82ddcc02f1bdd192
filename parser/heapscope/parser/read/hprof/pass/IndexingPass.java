package heapscope.parser.read.hprof.pass;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongLongHashMap;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofFormatException;
import heapscope.parser.read.hprof.format.HprofRecordTag;
import heapscope.parser.read.hprof.format.HprofRootKind;
import heapscope.parser.read.hprof.format.HprofSubRecordTag;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.read.hprof.index.PagedLongArray;
import heapscope.parser.read.hprof.index.RecordOffsets;
import heapscope.parser.read.hprof.index.RootTable;
import heapscope.parser.read.hprof.index.StackTraces;
import heapscope.parser.read.hprof.index.SymbolTable;
import heapscope.parser.read.hprof.input.DumpInput;
import heapscope.parser.read.hprof.input.EndOfDataException;
import heapscope.parser.read.hprof.input.HprofHeader;
import heapscope.parser.read.hprof.layout.LayoutEvidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The first of the two passes over a dump. Reads every record once and keeps what the second pass and the graph
 * need: symbols, class names and CLASS DUMPs, threads, frames and roots, the id and record offset of every object in
 * file order, an upper bound of the edges (non-null references plus class edges), the address-gap evidence for the
 * layout, and where the heap dump records are so the second pass can skip straight to them. Objects are counted
 * only once their record is complete; when the data ends early, everything complete before that point is kept and
 * {@link #stoppedAt} says where it stopped.
 *
 * <p>Single-threaded. Does IO through its input.
 */
public final class IndexingPass {
    private final DumpInput in;
    private final HprofHeader header;
    private final int idSize;
    /** Size of the decompressed data when it is known up front (plain files), else -1. */
    private final long dataSize;

    public final SymbolTable symbols = new SymbolTable();
    public final ClassDefinitions classes = new ClassDefinitions();
    /** LOAD CLASS: class name symbol id by class object id. */
    final LongLongHashMap classNameIdByClassId = new LongLongHashMap();
    final StackTraces stacks = new StackTraces();
    final RootTable roots = new RootTable();
    public final PagedLongArray objectIds = new PagedLongArray();
    public final RecordOffsets recordOffsets = new RecordOffsets();
    public final LayoutEvidence evidence = new LayoutEvidence();
    /** Start and end (exclusive) of each heap dump record body, for the second pass. */
    final PagedLongArray heapDumpRanges = new PagedLongArray();
    public final List<String> warnings = new ArrayList<>();
    /** Ids of the instances of java.lang.Thread and its subclasses: roots when the dump has no GC root records. */
    final LongArrayList threadObjectIds = new LongArrayList();

    /** Objects between two looks at the memory the whole dump will need. */
    private static final int PROJECTION_INTERVAL = 1 << 20;

    /** Upper bound of the edges the objects own (class edges plus non-null references). */
    public long objectEdgeBound;
    public long instanceCount;
    public long objectArrayCount;
    public long primitiveArrayCount;
    public long classDumpCount;
    long primitiveArrayBytes;
    /** Instances whose class (or a superclass) came after them, so their references could only be bounded. */
    long instancesWithUnknownClass;
    public long instancesWithWrongFieldBytes;
    public int unreachableMarks;
    /** UTF8 records skipped: longer than any JVM symbol, or repeating an id (the first record wins). */
    public int oversizedSymbols;
    public int repeatedSymbols;
    /** LOAD CLASS records giving a class already named another name (the first record wins). */
    public int repeatedLoadClasses;
    boolean sawHeapDumpEnd;
    /**
     * Null when the data ended cleanly; else where and how it stopped ("the file was cut short: it ends at byte 49
     * inside a UTF8 record that starts at byte 31"), what {@link #truncation} and a refusal go on from.
     */
    public String stoppedAt;
    /** Data offset just after the last complete object record. */
    long endOfLastObject;

    public IndexingPass(DumpInput in, HprofHeader header, long dataSize) {
        this.in = in;
        this.header = header;
        this.idSize = header.idSize();
        this.dataSize = dataSize;
    }

    public void run() {
        long recordStart = in.position();
        int recordTag = -1;
        try {
            while (in.hasMore()) {
                recordStart = in.position();
                recordTag = in.u1();
                in.u4(); // microseconds since the header's timestamp
                long length = in.u4() & 0xffffffffL;
                long bodyStart = in.position();
                if (recordTag != HprofRecordTag.HEAP_DUMP && recordTag != HprofRecordTag.HEAP_DUMP_SEGMENT) {
                    in.requireAvailable(length); // heap dump records are read object by object, to where they end
                }
                switch (recordTag) {
                    case HprofRecordTag.UTF8 -> readUtf8(recordStart, length);
                    case HprofRecordTag.LOAD_CLASS -> readLoadClass(recordStart, length);
                    case HprofRecordTag.FRAME -> readFrame(recordStart, length);
                    case HprofRecordTag.TRACE -> readTrace(recordStart, length);
                    case HprofRecordTag.HEAP_DUMP, HprofRecordTag.HEAP_DUMP_SEGMENT -> {
                        long end = heapDumpEnd(recordStart, recordTag, bodyStart, length);
                        heapDumpRanges.add(bodyStart);
                        heapDumpRanges.add(end);
                        readHeapDump(end);
                    }
                    case HprofRecordTag.HEAP_DUMP_END -> {
                        sawHeapDumpEnd = true;
                        in.skip(length);
                    }
                    default -> {
                        if (!HprofRecordTag.isKnown(recordTag)) {
                            throw new HprofFormatException(String.format("unknown record tag 0x%02X at byte %d",
                                    recordTag, recordStart));
                        }
                        in.skip(length);
                    }
                }
                if (recordTag != HprofRecordTag.HEAP_DUMP && recordTag != HprofRecordTag.HEAP_DUMP_SEGMENT) {
                    skipTo(recordStart, recordTag, bodyStart + length);
                }
            }
            if (!sawHeapDumpEnd && heapDumpRanges.size() > 0 && header.version().endsWith("1.0.2")) {
                warnings.add("the file ends at byte " + in.position() + " without a HEAP DUMP END record; the dump"
                        + " may be incomplete");
            }
        } catch (EndOfDataException e) {
            String record = recordTag >= 0 && HprofRecordTag.isKnown(recordTag)
                    ? HprofRecordTag.name(recordTag) + " record" : "record";
            String how = in.endProblem() != null ? " (" + in.endProblem() + ")" : "";
            String where = in.endedByDamage() ? "the file is damaged: reading stopped at byte " : "the file was cut"
                    + " short: it ends at byte ";
            stoppedAt = where + e.position() + how + " inside a " + record + " that starts at byte " + recordStart;
            // The second pass stops after the objects counted here, so it stops where this one did.
        }
    }

    /** For a dump that ended early and still has objects: where it stopped and what was kept; null otherwise. */
    public String truncation() {
        return stoppedAt == null ? null : stoppedAt + "; everything up to the last complete object (ending at byte "
                + endOfLastObject + ") was read, objects after it are missing and references to them were dropped";
    }

    /**
     * Where a heap dump record's sub-records end. Two repairs of broken lengths, as MAT does: a HEAP DUMP longer
     * than 4 GB written by an old JVM has its length wrapped modulo 2^32, and a length of 0 means the writer died
     * before filling it in; both then run to the end of the data.
     */
    private long heapDumpEnd(long recordStart, int tag, long bodyStart, long length) {
        if (dataSize > 0) {
            long left = dataSize - bodyStart;
            if (tag == HprofRecordTag.HEAP_DUMP && left > length && left >= (1L << 32)
                    && (left - length) % (1L << 32) == 0) {
                warnings.add("the HEAP DUMP record at byte " + recordStart + " states a length of " + length
                        + " bytes, which wrapped around 4 GB; it was read to the end of the file");
                return dataSize;
            }
        }
        if (length == 0 && in.hasMore()) {
            int next = in.buffer()[in.require(1)] & 0xff;
            boolean nextIsRecord = next == HprofRecordTag.HEAP_DUMP_SEGMENT || next == HprofRecordTag.HEAP_DUMP_END
                    || next == HprofRecordTag.HEAP_DUMP;
            if (!nextIsRecord && HprofSubRecordTag.fixedBodySize(next, idSize) != -2) {
                warnings.add("the " + HprofRecordTag.name(tag) + " record at byte " + recordStart + " has length 0"
                        + " (its writer did not finish it); it was read to the end of the data");
                return Long.MAX_VALUE;
            }
        }
        return bodyStart + length;
    }

    private void skipTo(long recordStart, int tag, long end) {
        long at = in.position();
        if (at > end) {
            throw new HprofFormatException(HprofRecordTag.name(tag) + " record at byte " + recordStart
                    + " is longer than its stated length");
        }
        in.skip(end - at);
    }

    private void readUtf8(long recordStart, long length) {
        if (length < idSize) {
            throw new HprofFormatException("UTF8 record at byte " + recordStart + " is too short (" + length
                    + " bytes)");
        }
        long id = in.id();
        if (!symbols.read(id, in, length - idSize)) {
            if (length - idSize > SymbolTable.MAX_SYMBOL_BYTES) {
                oversizedSymbols++;
            } else {
                repeatedSymbols++;
            }
        }
    }

    private void readLoadClass(long recordStart, long length) {
        checkLength(recordStart, "LOAD CLASS", length, 8 + 2L * idSize);
        int serial = in.u4();
        long classId = in.id();
        in.u4(); // stack trace serial
        long nameId = in.id();
        if (!classNameIdByClassId.containsKey(classId)) {
            classNameIdByClassId.put(classId, nameId);
        } else if (classNameIdByClassId.get(classId) != nameId) {
            repeatedLoadClasses++; // HotSpot repeats some records with the same name: only a conflict counts
        }
        stacks.addClassSerial(serial, classId);
    }

    private void readFrame(long recordStart, long length) {
        checkLength(recordStart, "FRAME", length, 8 + 4L * idSize);
        long frameId = in.id();
        long method = in.id();
        long signature = in.id();
        long source = in.id();
        int classSerial = in.u4();
        int line = in.u4();
        stacks.addFrame(frameId, method, signature, source, classSerial, line);
    }

    private void readTrace(long recordStart, long length) {
        checkLength(recordStart, "TRACE", length, 12);
        int traceSerial = in.u4();
        in.u4(); // thread serial
        long frames = in.u4() & 0xffffffffL;
        checkLength(recordStart, "TRACE", length, 12 + frames * idSize);
        // Grown as the frames are read, so a damaged count costs no more than the bytes that are really there.
        LongArrayList frameIds = new LongArrayList((int) Math.min(frames, 1024));
        for (long i = 0; i < frames; i++) {
            frameIds.add(in.id());
        }
        stacks.addTrace(traceSerial, frameIds.toArray());
    }

    private static void checkLength(long recordStart, String name, long length, long needed) {
        if (length < needed) {
            throw new HprofFormatException(name + " record at byte " + recordStart + " is too short (" + length
                    + " bytes, needs " + needed + ")");
        }
    }

    private void readHeapDump(long end) {
        while (in.position() < end) {
            long at = in.position();
            if (end == Long.MAX_VALUE && !in.hasMore()) {
                return;
            }
            int tag = in.u1();
            switch (tag) {
                case HprofSubRecordTag.INSTANCE_DUMP -> readInstance(at);
                case HprofSubRecordTag.OBJECT_ARRAY_DUMP -> readObjectArray(at);
                case HprofSubRecordTag.PRIMITIVE_ARRAY_DUMP -> readPrimitiveArray(at, true);
                case HprofSubRecordTag.PRIMITIVE_ARRAY_NODATA -> readPrimitiveArray(at, false);
                case HprofSubRecordTag.CLASS_DUMP -> readClass(at);
                case HprofSubRecordTag.ROOT_THREAD_OBJECT -> {
                    long id = in.id();
                    int serial = in.u4();
                    int trace = in.u4();
                    stacks.addThread(serial, id, trace);
                    if (id != 0) {
                        roots.add(HprofRootKind.THREAD_OBJECT, id, serial, -1);
                    }
                }
                case HprofSubRecordTag.ROOT_JAVA_FRAME, HprofSubRecordTag.ROOT_JNI_LOCAL,
                        HprofSubRecordTag.ROOT_JNI_MONITOR -> {
                    long id = in.id();
                    int serial = in.u4();
                    int frame = in.u4();
                    roots.add(HprofSubRecordTag.rootKind(tag), id, serial, frame);
                }
                case HprofSubRecordTag.ROOT_NATIVE_STACK, HprofSubRecordTag.ROOT_THREAD_BLOCK -> {
                    long id = in.id();
                    int serial = in.u4();
                    roots.add(HprofSubRecordTag.rootKind(tag), id, serial, -1);
                }
                case HprofSubRecordTag.ROOT_JNI_GLOBAL -> {
                    long id = in.id();
                    in.id(); // the JNI global reference's own id
                    roots.add(HprofRootKind.JNI_GLOBAL, id, 0, -1);
                }
                case HprofSubRecordTag.HEAP_DUMP_INFO -> in.skip(4L + idSize);
                case HprofSubRecordTag.UNREACHABLE -> {
                    in.id();
                    unreachableMarks++;
                }
                default -> {
                    HprofRootKind kind = HprofSubRecordTag.rootKind(tag);
                    if (kind == null) {
                        throw new HprofFormatException(String.format(
                                "unknown heap dump sub-record tag 0x%02X at byte %d", tag, at));
                    }
                    roots.add(kind, in.id(), 0, -1);
                }
            }
        }
        if (in.position() > end) {
            warnings.add("a sub-record runs past the end of its heap dump segment at byte " + end
                    + "; the segments were read as one stream");
        }
    }

    private void readInstance(long at) {
        long id = in.id();
        in.u4(); // stack trace serial
        long classId = in.id();
        long fieldBytes = in.u4() & 0xffffffffL;
        int classIndex = classes.indexOf(classId);
        HprofClass c = classIndex >= 0 ? classes.get(classIndex) : null;
        long edges = classId != 0 ? 1 : 0;
        if (c != null && (c.referenceOffsets != null || classes.ensurePlan(c, idSize))
                && c.fieldBytesInFile == fieldBytes && fieldBytes <= in.capacity()) {
            int n = (int) fieldBytes;
            int base = in.require(n);
            byte[] buffer = in.buffer();
            for (int offset : c.referenceOffsets) {
                if (DumpInput.idAt(buffer, base + offset, idSize) != 0) {
                    edges++;
                }
            }
            in.advance(n);
        } else {
            if (c == null || c.referenceOffsets == null) {
                instancesWithUnknownClass++;
            } else if (c.fieldBytesInFile != fieldBytes) {
                instancesWithWrongFieldBytes++;
            }
            edges += fieldBytes / idSize;
            in.skip(fieldBytes);
        }
        objectEdgeBound += edges;
        instanceCount++;
        addObject(id, at);
        evidence.instance(id, c);
        if (c != null && isThreadClass(c)) {
            threadObjectIds.add(id);
        }
    }

    private void readObjectArray(long at) {
        long id = in.id();
        in.u4(); // stack trace serial
        long length = in.u4() & 0xffffffffL;
        long arrayClassId = in.id();
        long nonNull = 0;
        long left = length;
        int chunk = in.capacity() / idSize;
        while (left > 0) {
            int n = (int) Math.min(left, chunk);
            int base = in.require(n * idSize);
            byte[] buffer = in.buffer();
            int end = base + n * idSize;
            if (idSize == 8) {
                for (int i = base; i < end; i += 8) {
                    if (DumpInput.longAt(buffer, i) != 0) {
                        nonNull++;
                    }
                }
            } else {
                for (int i = base; i < end; i += 4) {
                    if (DumpInput.intAt(buffer, i) != 0) {
                        nonNull++;
                    }
                }
            }
            in.advance(n * idSize);
            left -= n;
        }
        objectEdgeBound += nonNull + (arrayClassId != 0 ? 1 : 0);
        objectArrayCount++;
        addObject(id, at);
        evidence.array(id, HprofBasicType.OBJECT, length);
    }

    private void readPrimitiveArray(long at, boolean withElements) {
        long id = in.id();
        in.u4(); // stack trace serial
        long length = in.u4() & 0xffffffffL;
        long typeAt = in.position();
        int type = in.u1();
        if (!HprofBasicType.isPrimitive(type)) {
            throw new HprofFormatException("primitive array at byte " + at + " has element type " + type
                    + " (at byte " + typeAt + "), which is not a primitive type");
        }
        if (withElements) {
            long bytes = length * HprofBasicType.primitiveSize(type);
            in.skip(bytes);
            primitiveArrayBytes += bytes;
        }
        objectEdgeBound += 1; // the edge to the array class, if the dump has it
        primitiveArrayCount++;
        addObject(id, at);
        evidence.array(id, type, length);
    }

    private void readClass(long at) {
        HprofClass c = HprofClass.read(in, at);
        long edges = 1; // <class>, to java.lang.Class
        edges += nonZero(c.superId) + nonZero(c.loaderId) + nonZero(c.signersId) + nonZero(c.protectionDomainId);
        for (int i = 0; i < c.constantPoolTypes.length; i++) {
            if (c.constantPoolTypes[i] == HprofBasicType.OBJECT) {
                edges += nonZero(c.constantPoolValues[i]);
            }
        }
        for (int i = 0; i < c.staticTypes.length; i++) {
            if (c.staticTypes[i] == HprofBasicType.OBJECT) {
                edges += nonZero(c.staticValues[i]);
            }
        }
        objectEdgeBound += edges;
        classes.add(c);
        classDumpCount++;
        addObject(c.id, at);
        evidence.classObject(c.id);
    }

    /** Whether the class is java.lang.Thread or a subclass, as far as the records read so far tell; cached. */
    private boolean isThreadClass(HprofClass c) {
        if (c.threadClass == 0) {
            boolean thread = false;
            HprofClass k = c;
            for (int depth = 0; k != null && depth < 64 && !thread; depth++) {
                long nameId = classNameIdByClassId.getOrDefault(k.id, 0);
                thread = "java/lang/Thread".equals(symbols.get(nameId));
                int superIndex = k.superId == 0 ? -1 : classes.indexOf(k.superId);
                k = superIndex < 0 ? null : classes.get(superIndex);
            }
            c.threadClass = (byte) (thread ? 1 : 2);
        }
        return c.threadClass == 1;
    }

    private static int nonZero(long id) {
        return id != 0 ? 1 : 0;
    }

    private void addObject(long id, long at) {
        objectIds.add(id);
        recordOffsets.add(at);
        endOfLastObject = in.position();
        if ((objectIds.size() & (PROJECTION_INTERVAL - 1)) == 0) {
            checkProjectedMemory();
        }
    }

    /**
     * Refuses a dump that will not fit as soon as that is clear, rather than after the pass has filled most of the
     * heap with its own arrays: the counts so far, scaled to the whole file, against what the JVM can give.
     */
    private void checkProjectedMemory() {
        double fraction = in.fractionRead();
        if (fraction > 0) {
            MemoryEstimate.forHprofProjected(objectIds.size(), objectEdgeBound, fraction)
                    .columns(retainedBytes());
        }
    }

    /** This pass's per-object arrays, which the estimate of the whole open already counts. */
    public long retainedBytes() {
        return objectIds.retainedBytes() + recordOffsets.retainedBytes();
    }

    /** Complete object records read (the ids themselves may have been handed to the index already). */
    public long objectCount() {
        return recordOffsets.size();
    }
}
