package heapscope.parser.analysis.leaks.program;

import java.util.Arrays;

/**
 * Keeps what each request saw in its thread locals, for a debug page, and never trims it: a program object with a
 * field named {@code threadLocals}, which is not a thread's thread-local map. The field is an array that each record
 * replaces by a copy one longer, so the recorder itself is where the growth collects (no array lives from one dump to
 * the next).
 */
final class DebugRecorder {
    static final DebugRecorder INSTANCE = new DebugRecorder();

    RecordedLocals[] threadLocals = new RecordedLocals[0];

    void record(RecordedLocals locals) {
        threadLocals = Arrays.copyOf(threadLocals, threadLocals.length + 1);
        threadLocals[threadLocals.length - 1] = locals;
    }

    int size() {
        return threadLocals.length;
    }

    /** One request's recorded thread locals. */
    static final class RecordedLocals {
        final long request;
        final short[] values = new short[40];

        RecordedLocals(long request) {
            this.request = request;
        }
    }
}
