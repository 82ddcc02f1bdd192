package heapscope.parser.progress;

/** Thrown by work that saw its {@link CancelSignal} raised; nothing it was building is usable afterwards. */
public final class CanceledException extends RuntimeException {
    public CanceledException() {
        super("canceled", null, false, false);
    }
}
