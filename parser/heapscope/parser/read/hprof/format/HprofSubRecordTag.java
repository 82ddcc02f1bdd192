package heapscope.parser.read.hprof.format;

/**
 * Tags of the sub-records inside HEAP DUMP and HEAP DUMP SEGMENT records, including the HotSpot and Android (ART,
 * version 1.0.3) extras. Sub-records carry no length, so every tag's size must be known: {@link #fixedBodySize}
 * gives it for the fixed-size ones. Constants only; no IO.
 */
public final class HprofSubRecordTag {
    public static final int ROOT_UNKNOWN = 0xFF;
    public static final int ROOT_JNI_GLOBAL = 0x01;
    public static final int ROOT_JNI_LOCAL = 0x02;
    public static final int ROOT_JAVA_FRAME = 0x03;
    public static final int ROOT_NATIVE_STACK = 0x04;
    public static final int ROOT_STICKY_CLASS = 0x05;
    public static final int ROOT_THREAD_BLOCK = 0x06;
    static final int ROOT_MONITOR_USED = 0x07;
    public static final int ROOT_THREAD_OBJECT = 0x08;
    public static final int CLASS_DUMP = 0x20;
    public static final int INSTANCE_DUMP = 0x21;
    public static final int OBJECT_ARRAY_DUMP = 0x22;
    public static final int PRIMITIVE_ARRAY_DUMP = 0x23;
    /** Android: {@code u4 heapId, id heapName}; applies to the records that follow it. */
    public static final int HEAP_DUMP_INFO = 0xFE;
    public static final int ROOT_INTERNED_STRING = 0x89;
    public static final int ROOT_FINALIZING = 0x8A;
    public static final int ROOT_DEBUGGER = 0x8B;
    public static final int ROOT_REFERENCE_CLEANUP = 0x8C;
    public static final int ROOT_VM_INTERNAL = 0x8D;
    public static final int ROOT_JNI_MONITOR = 0x8E;
    public static final int UNREACHABLE = 0x90;
    /** Android, obsolete: a primitive array header without its elements. */
    public static final int PRIMITIVE_ARRAY_NODATA = 0xC3;

    private HprofSubRecordTag() {
    }

    /**
     * Bytes after the tag byte for the fixed-size sub-records (roots, heap info), -1 for the object records whose
     * size depends on their content, -2 for a tag that does not exist.
     */
    public static int fixedBodySize(int tag, int idSize) {
        return switch (tag) {
            case ROOT_UNKNOWN, ROOT_STICKY_CLASS, ROOT_MONITOR_USED, ROOT_INTERNED_STRING, ROOT_FINALIZING,
                    ROOT_DEBUGGER, ROOT_REFERENCE_CLEANUP, ROOT_VM_INTERNAL, UNREACHABLE -> idSize;
            case ROOT_JNI_GLOBAL -> 2 * idSize;
            case ROOT_JNI_LOCAL, ROOT_JAVA_FRAME, ROOT_THREAD_OBJECT, ROOT_JNI_MONITOR -> idSize + 8;
            case ROOT_NATIVE_STACK, ROOT_THREAD_BLOCK -> idSize + 4;
            case HEAP_DUMP_INFO -> 4 + idSize;
            case PRIMITIVE_ARRAY_NODATA -> idSize + 9;
            case CLASS_DUMP, INSTANCE_DUMP, OBJECT_ARRAY_DUMP, PRIMITIVE_ARRAY_DUMP -> -1;
            default -> -2;
        };
    }

    /**
     * The root kind a root sub-record declares, or null when the tag is not a root (Android's obsolete UNREACHABLE
     * marks no root: the reader counts and ignores it).
     */
    public static HprofRootKind rootKind(int tag) {
        return switch (tag) {
            case ROOT_UNKNOWN -> HprofRootKind.UNKNOWN;
            case ROOT_JNI_GLOBAL -> HprofRootKind.JNI_GLOBAL;
            case ROOT_JNI_LOCAL -> HprofRootKind.JNI_LOCAL;
            case ROOT_JAVA_FRAME -> HprofRootKind.JAVA_FRAME;
            case ROOT_NATIVE_STACK -> HprofRootKind.NATIVE_STACK;
            case ROOT_STICKY_CLASS -> HprofRootKind.STICKY_CLASS;
            case ROOT_THREAD_BLOCK -> HprofRootKind.THREAD_BLOCK;
            case ROOT_MONITOR_USED -> HprofRootKind.MONITOR_USED;
            case ROOT_THREAD_OBJECT -> HprofRootKind.THREAD_OBJECT;
            case ROOT_INTERNED_STRING -> HprofRootKind.INTERNED_STRING;
            case ROOT_FINALIZING -> HprofRootKind.FINALIZING;
            case ROOT_DEBUGGER -> HprofRootKind.DEBUGGER;
            case ROOT_REFERENCE_CLEANUP -> HprofRootKind.REFERENCE_CLEANUP;
            case ROOT_VM_INTERNAL -> HprofRootKind.VM_INTERNAL;
            case ROOT_JNI_MONITOR -> HprofRootKind.JNI_MONITOR;
            default -> null;
        };
    }
}
