package heapscope.parser.read.hprof.format;

/**
 * Tags of HPROF top-level records ({@code u1 tag, u4 time, u4 length, body}). Only UTF8, LOAD_CLASS, FRAME, TRACE,
 * HEAP_DUMP and HEAP_DUMP_SEGMENT are read; the other known tags are skipped by their length, an unknown tag is an
 * error. Constants only; no IO.
 */
public final class HprofRecordTag {
    public static final int UTF8 = 0x01;
    public static final int LOAD_CLASS = 0x02;
    public static final int UNLOAD_CLASS = 0x03;
    public static final int FRAME = 0x04;
    public static final int TRACE = 0x05;
    static final int ALLOC_SITES = 0x06;
    static final int HEAP_SUMMARY = 0x07;
    public static final int START_THREAD = 0x0A;
    static final int END_THREAD = 0x0B;
    public static final int HEAP_DUMP = 0x0C;
    static final int CPU_SAMPLES = 0x0D;
    public static final int CONTROL_SETTINGS = 0x0E;
    public static final int HEAP_DUMP_SEGMENT = 0x1C;
    public static final int HEAP_DUMP_END = 0x2C;

    /** Bytes before a record's body: tag, time and length. */
    static final int HEADER_SIZE = 9;

    private HprofRecordTag() {
    }

    public static boolean isKnown(int tag) {
        return name(tag) != null;
    }

    /** The record's name as the HPROF spec writes it, or null for an unknown tag. */
    public static String name(int tag) {
        return switch (tag) {
            case UTF8 -> "UTF8";
            case LOAD_CLASS -> "LOAD CLASS";
            case UNLOAD_CLASS -> "UNLOAD CLASS";
            case FRAME -> "FRAME";
            case TRACE -> "TRACE";
            case ALLOC_SITES -> "ALLOC SITES";
            case HEAP_SUMMARY -> "HEAP SUMMARY";
            case START_THREAD -> "START THREAD";
            case END_THREAD -> "END THREAD";
            case HEAP_DUMP -> "HEAP DUMP";
            case CPU_SAMPLES -> "CPU SAMPLES";
            case CONTROL_SETTINGS -> "CONTROL SETTINGS";
            case HEAP_DUMP_SEGMENT -> "HEAP DUMP SEGMENT";
            case HEAP_DUMP_END -> "HEAP DUMP END";
            default -> null;
        };
    }
}
