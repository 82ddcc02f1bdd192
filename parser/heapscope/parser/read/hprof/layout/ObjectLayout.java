package heapscope.parser.read.hprof.layout;

import heapscope.parser.read.hprof.format.HprofBasicType;
import java.util.List;

/**
 * How the JVM that wrote a dump laid out its objects, as inferred from the dump (the file does not record it): the
 * object header size, the reference size (4 with compressed oops), the object alignment, where each array type's
 * elements start, how instance fields are packed, and the base size of a {@code java.lang.Class} mirror. Shallow
 * sizes of every node follow from it. {@link #evidence()} says where each value came from.
 *
 * <p>Immutable; thread-safe. No IO.
 */
public final class ObjectLayout {
    /** How instance fields are placed, which decides instance sizes. */
    public enum FieldPacking {
        /** HotSpot since JDK 15: fields fill any gap, including gaps in superclass blocks and the header tail. */
        HOTSPOT_GAP_FILLING("fields packed into gaps (HotSpot JDK 15+)"),
        /** HotSpot up to JDK 14: per-class blocks, longs first, references last, no reuse of superclass gaps. */
        HOTSPOT_LEGACY("per-class field blocks (HotSpot up to JDK 14)"),
        /** Android ART: the CLASS DUMP records carry the real instance size. */
        ANDROID_FROM_FILE("instance sizes as the file states them (Android)");

        private final String description;

        FieldPacking(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final int headerSize;
    private final int referenceSize;
    private final int alignment;
    /** Array element start offset by HPROF basic type code (index 2 = references). */
    private final int[] arrayBaseOffsets;
    private final FieldPacking fieldPacking;
    private final int classMirrorBaseSize;
    private final List<String> evidence;

    ObjectLayout(int headerSize, int referenceSize, int alignment, int[] arrayBaseOffsets, FieldPacking fieldPacking,
            int classMirrorBaseSize, List<String> evidence) {
        this.headerSize = headerSize;
        this.referenceSize = referenceSize;
        this.alignment = alignment;
        this.arrayBaseOffsets = arrayBaseOffsets.clone();
        this.fieldPacking = fieldPacking;
        this.classMirrorBaseSize = classMirrorBaseSize;
        this.evidence = List.copyOf(evidence);
    }

    /** Object header size in bytes: 12 with compressed class pointers, 16 without, 8 with compact headers. */
    public int headerSize() {
        return headerSize;
    }

    /** Size of a reference field or array element: 4 with compressed oops, else 8 (or 4 on a 32-bit JVM). */
    public int referenceSize() {
        return referenceSize;
    }

    /** Object alignment in bytes ({@code -XX:ObjectAlignmentInBytes}, 8 by default). */
    public int alignment() {
        return alignment;
    }

    public FieldPacking fieldPacking() {
        return fieldPacking;
    }

    /**
     * Size of a {@code java.lang.Class} instance without statics (its Java fields and the fields the VM injects);
     * a class's mirror is this plus its static fields, rounded up.
     */
    public int classMirrorBaseSize() {
        return classMirrorBaseSize;
    }

    /** Shallow size of an array of {@code length} elements of HPROF basic type code {@code basicType}. */
    public long arraySize(int basicType, long length) {
        int elementSize = basicType == HprofBasicType.OBJECT ? referenceSize : HprofBasicType.primitiveSize(basicType);
        return align(arrayBaseOffsets[basicType] + length * elementSize);
    }

    /** Rounds up to the object alignment. */
    public long align(long size) {
        return (size + alignment - 1) / alignment * alignment;
    }

    /** One line per inferred value saying where it came from, for {@code info}. */
    public List<String> evidence() {
        return evidence;
    }

    /** A one-line summary, e.g. "12-byte headers, 4-byte references (compressed oops), 8-byte alignment, ...". */
    public String describe() {
        return headerSize + "-byte object headers, " + referenceSize + "-byte references"
                + (referenceSize == 4 ? " (compressed oops)" : "") + ", " + alignment + "-byte alignment, arrays: "
                + "length at " + headerSize + ", int[] data at " + arrayBaseOffsets[HprofBasicType.INT]
                + ", long[] data at " + arrayBaseOffsets[HprofBasicType.LONG] + ", Object[] data at "
                + arrayBaseOffsets[HprofBasicType.OBJECT] + "; " + fieldPacking.description()
                + "; java.lang.Class mirrors " + classMirrorBaseSize + " bytes + statics";
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Array element start offsets for a HotSpot layout with this header and reference size; {@code wordAligned}
     * for JDK 21 and older, which start every array's elements at a multiple of 8.
     */
    static int[] hotSpotArrayBases(int headerSize, int referenceSize, boolean wordAligned) {
        int[] bases = new int[HprofBasicType.LONG + 1];
        int lengthEnd = wordAligned ? (headerSize + 4 + 7) / 8 * 8 : headerSize + 4;
        for (int type = HprofBasicType.BOOLEAN; type <= HprofBasicType.LONG; type++) {
            int size = HprofBasicType.primitiveSize(type);
            bases[type] = (lengthEnd + size - 1) / size * size;
        }
        bases[HprofBasicType.OBJECT] = (lengthEnd + referenceSize - 1) / referenceSize * referenceSize;
        return bases;
    }
}
