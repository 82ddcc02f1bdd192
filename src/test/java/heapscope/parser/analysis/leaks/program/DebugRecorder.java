package heapscope.parser.analysis.leaks.program;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what each request saw in its thread locals, for a debug page, and never trims it: a program object with a
 * field named {@code threadLocals}, which is not a thread's thread-local map.
 */
final class DebugRecorder {
    static final DebugRecorder INSTANCE = new DebugRecorder();

    final List<RecordedLocals> threadLocals = new ArrayList<>();

    /** One request's recorded thread locals. */
    static final class RecordedLocals {
        final long request;
        final short[] values = new short[40];

        RecordedLocals(long request) {
            this.request = request;
        }
    }
}
