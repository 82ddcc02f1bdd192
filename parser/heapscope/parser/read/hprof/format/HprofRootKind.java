package heapscope.parser.read.hprof.format;

/**
 * The kinds of GC root an HPROF file can declare, in the order their group nodes appear under the graph's root.
 * HotSpot writes only {@link #THREAD_OBJECT}, {@link #JAVA_FRAME}, {@link #JNI_LOCAL}, {@link #JNI_GLOBAL} and
 * {@link #STICKY_CLASS}; the Android kinds come from ART's 1.0.3 dumps. Java-frame and JNI-local roots of a thread
 * the dump knows become edges from that thread's {@code java.lang.Thread} object instead of group members, so a
 * thread retains what its stack holds (as MAT and Shark do). Immutable.
 */
public enum HprofRootKind {
    THREAD_OBJECT("thread"),
    JAVA_FRAME("Java local"),
    JNI_LOCAL("JNI local"),
    JNI_GLOBAL("JNI global"),
    STICKY_CLASS("sticky class"),
    NATIVE_STACK("native stack"),
    THREAD_BLOCK("thread block"),
    MONITOR_USED("busy monitor"),
    UNKNOWN("unknown"),
    INTERNED_STRING("interned string"),
    FINALIZING("finalizing"),
    DEBUGGER("debugger"),
    REFERENCE_CLEANUP("reference cleanup"),
    VM_INTERNAL("VM internal"),
    JNI_MONITOR("JNI monitor"),
    /** Not in any file: when a dump has no GC root records at all, every class object is taken as a root. */
    ASSUMED_CLASS("class objects"),
    /** Not in any file: with no GC root records, every java.lang.Thread (and subclass) instance is a root. */
    ASSUMED_THREAD("threads");

    private final String label;

    HprofRootKind(String label) {
        this.label = label;
    }

    /** Short lower-case label, e.g. "JNI global". */
    public String label() {
        return label;
    }

    /**
     * The name of this kind's group node in the graph, e.g. "(GC roots: JNI global)", or for the assumed kinds
     * "(assumed roots, the dump has none: threads)".
     */
    public String groupNodeName() {
        return isAssumed() ? "(assumed roots, the dump has none: " + label + ")" : "(GC roots: " + label + ")";
    }

    /** Whether this kind stands in for the GC roots a dump lacks rather than for root records of the file. */
    public boolean isAssumed() {
        return this == ASSUMED_CLASS || this == ASSUMED_THREAD;
    }
}
