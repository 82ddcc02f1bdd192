package heapscope.parser.analysis.leaks.program;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;

/**
 * A Java program with four leaks of four kinds in one process, whose three dumps are committed
 * (src/test/resources/fixtures/hprof/four-leaks/, made by the script there) so that the leak report's Java paths are
 * tested in process. Each phase:
 * <ul>
 *   <li>records {@value #AUDITS} {@link AuditEntry}s in the static map {@code AuditLog.ENTRIES}, never removed;</li>
 *   <li>opens {@value #SESSIONS} {@link EditorSession}s whose listener (a lambda capturing the session) stays in the
 *       {@link EventBus} that {@code main} holds in a local variable;</li>
 *   <li>runs {@value #REQUESTS_PER_WORKER} requests on each of {@value #WORKERS} threads named
 *       {@code request-worker-N}, each leaving a {@link RequestScope.RequestState} in its thread's thread-local map;
 *   </li>
 *   <li>hands {@value #JOBS} {@link Job}s to the thread {@code batch-runner}, which keeps them in a local list;</li>
 *   <li>and, no leak, puts {@value #QUOTES} new {@link Quote}s into a price cache that keeps the newest
 *       {@value #QUOTES}.</li>
 * </ul>
 * The truth is these constants: every leak grows by its count in each step. The program checks its own counts before
 * each dump and writes them to {@code OUT/four-leaks-K.counts}.
 *
 * <p>Run: {@code java -Xmx128m -cp test-classes heapscope.parser.analysis.leaks.program.FourLeaks OUT}; writes
 * {@code OUT/four-leaks-{1..3}.hprof} (what {@code jcmd GC.heap_dump} writes, live objects after full GCs).
 */
public final class FourLeaks {
    public static final String NAME = "four-leaks";
    public static final int PHASES = 3;
    public static final int AUDITS = 300;
    public static final int SESSIONS = 200;
    public static final int WORKERS = 3;
    public static final int REQUESTS_PER_WORKER = 40;
    public static final int JOBS = 150;
    public static final int QUOTES = 200;

    private FourLeaks() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        EventBus bus = new EventBus();
        List<SynchronousQueue<Integer>> workers = startWorkers();
        SynchronousQueue<Integer> batches = new SynchronousQueue<>();
        Thread batchRunner = new Thread(() -> BatchRunner.run(batches), "batch-runner");
        batchRunner.setDaemon(true);
        batchRunner.start();
        long nextId = 1;
        for (int phase = 1; phase <= PHASES; phase++) {
            for (int i = 0; i < AUDITS; i++) {
                AuditLog.record(nextId++, "order " + i + " of phase " + phase);
            }
            for (int i = 0; i < SESSIONS; i++) {
                EditorSession session = new EditorSession(nextId++);
                bus.subscribe(event -> session.onEvent(event));
            }
            bus.publish("theme changed in phase " + phase);
            for (SynchronousQueue<Integer> worker : workers) {
                worker.put(REQUESTS_PER_WORKER);
            }
            for (SynchronousQueue<Integer> worker : workers) {
                worker.put(0); // taken only once the requests before it ran
            }
            batches.put(JOBS);
            batches.put(0);
            for (int i = 0; i < QUOTES; i++) {
                PriceCache.put(phase * QUOTES + i);
            }
            String counts = "audits=" + AuditLog.ENTRIES.size() + " listeners=" + bus.size() + " requests="
                    + RequestScope.entered() + " jobs=" + BatchRunner.kept() + " quotes=" + PriceCache.size();
            check(counts, phase);
            Files.writeString(out.resolve(NAME + "-" + phase + ".counts"), counts + "\n");
            PhaseDumps.dump(out, NAME, phase, counts);
        }
    }

    private static void check(String counts, int phase) {
        String expected = "audits=" + AUDITS * phase + " listeners=" + SESSIONS * phase + " requests="
                + WORKERS * REQUESTS_PER_WORKER * phase + " jobs=" + JOBS * phase + " quotes=" + QUOTES;
        if (!counts.equals(expected)) {
            throw new IllegalStateException("phase " + phase + ": " + counts + ", expected " + expected);
        }
    }

    /** The request workers, each taking a number of requests to run from its queue (0: a no-op, to wait on). */
    private static List<SynchronousQueue<Integer>> startWorkers() {
        List<SynchronousQueue<Integer>> queues = new ArrayList<>();
        for (int w = 1; w <= WORKERS; w++) {
            SynchronousQueue<Integer> queue = new SynchronousQueue<>();
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        int requests = queue.take();
                        for (int i = 0; i < requests; i++) {
                            new RequestScope().enter();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "request-worker-" + w);
            worker.setDaemon(true);
            worker.start();
            queues.add(queue);
        }
        return queues;
    }
}
