package heapscope.parser.analysis.leaks.program;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;

/** A thread that keeps every job it was given in a local list: the fourth of {@link EightLeaks}' leaks. */
final class BatchRunner {
    private static volatile int kept;

    private BatchRunner() {
    }

    static void run(SynchronousQueue<Integer> batches) {
        List<Job> pending = new ArrayList<>();
        try {
            while (true) {
                int jobs = batches.take();
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
