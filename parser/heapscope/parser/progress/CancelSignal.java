package heapscope.parser.progress;

/**
 * Asks long work to stop. Checked between chunks of reading and every few thousand items in analysis loops; the work
 * then throws {@link CanceledException}. Thread interrupts are not used for this: interrupting a thread blocked in a
 * {@code FileChannel} closes the channel for every reader of it.
 */
@FunctionalInterface
public interface CancelSignal {
    CancelSignal NEVER = () -> false;

    boolean isCanceled();

    default void throwIfCanceled() {
        if (isCanceled()) {
            throw new CanceledException();
        }
    }
}
