package heapscope.app.capture;

/**
 * Hears how far taking a snapshot has got. Called on the thread doing the capture (or on a V8 inspector's WebSocket
 * thread); implementations must be cheap and hop to their own thread themselves.
 */
public interface CaptureProgress {
    CaptureProgress NONE = new CaptureProgress() {
        @Override
        public void step(String text) {
        }

        @Override
        public void progress(long done, long total) {
        }
    };

    /** A step begins, e.g. "Attaching to JVM 1234…"; its progress starts unknown. */
    void step(String text);

    /** Work done in the current step out of {@code total}; total is 0 when unknown (bytes written so far). */
    void progress(long done, long total);
}
