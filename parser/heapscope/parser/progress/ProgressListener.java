package heapscope.parser.progress;

/**
 * Hears how far opening or analysing a heap has got. Called on the thread doing the work; implementations must be
 * cheap (they are called every few thousand items) and must hop to their own thread themselves (the app does).
 */
public interface ProgressListener {
    ProgressListener NO_OP = new ProgressListener() {
        @Override
        public void phaseStarted(Phase phase) {
        }

        @Override
        public void progress(long done, long total) {
        }
    };

    /** A phase begins; the previous one, if any, has ended. */
    void phaseStarted(Phase phase);

    /** Work done in the current phase out of {@code total} (bytes, nodes, ...); total is 0 when unknown. */
    void progress(long done, long total);
}
