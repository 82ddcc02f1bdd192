package heapscope.parser.analysis.leaks.program;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;

/**
 * A thread that keeps every job it was given in a local list: the fourth of {@link EightLeaks}' leaks. It also has a
 * thread local of its own that never grows (a line buffer), so its thread-local map exists but holds none of the
 * growth: the thread, not its map, is where the growth is.
 */
final class BatchRunner {
    private static final ThreadLocal<StringBuilder> LINE = ThreadLocal.withInitial(() -> new StringBuilder(64));
    private static volatile int kept;

    private BatchRunner() {
    }

    static void run(SynchronousQueue<Integer> batches) {
        List<Job> pending = new ArrayList<>();
        try {
            while (true) {
                int jobs = batches.take();
                LINE.get().setLength(0);
                for (int i = 0; i < jobs; i++) {
                    pending.add(new Job(pending.size()));
                }
                kept = pending.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int kept() {
        return kept;
    }
}
