package heapscope.leaks.programs.threadlocal;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Leak program {@code java-thread-local}: thread-local values never removed from the threads of a fixed pool. Each
 * phase runs {@value #REQUESTS_PER_PHASE} requests on a pool of {@value #POOL_THREADS} threads named
 * {@code request-worker-N}; each request sets a value in a thread local of its own ({@link RequestScope}) and never
 * removes it, so the pool threads' {@code ThreadLocalMap}s keep one entry (a {@code RequestState} with a 2 KB
 * buffer) per request they ever ran. Which thread ran how many varies from run to run; the total does not. The
 * truth is in src/test/resources/programs/leaks/java-thread-local.truth.json.
 *
 * <p>Run: {@code java -cp test-classes heapscope.leaks.programs.threadlocal.ThreadLocalLeak OUT_DIR}; writes
 * {@code OUT_DIR/java-thread-local-{1..4}.hprof}.
 */
public final class ThreadLocalLeak {
    static final int REQUESTS_PER_PHASE = 160;
    static final int POOL_THREADS = 4;
    private static final String[] PATHS = {"/orders", "/orders/new", "/cart", "/health", "/search?q=lamp"};

    private ThreadLocalLeak() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(POOL_THREADS, task -> {
            Thread thread = new Thread(task, "request-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long nextRequest = 1;
        long written = 0;
        for (int phase = 1; phase <= PhaseDumps.PHASES; phase++) {
            List<Future<Integer>> responses = new ArrayList<>();
            for (int i = 0; i < REQUESTS_PER_PHASE; i++) {
                long requestId = nextRequest++;
                String path = PATHS[i % PATHS.length];
                responses.add(pool.submit(() -> RequestHandler.handle(requestId, path)));
            }
            for (Future<Integer> response : responses) {
                written += response.get();
            }
            PhaseDumps.dump(out, "java-thread-local", phase, "requests=" + (nextRequest - 1) + " threads="
                    + threads.get() + " bytes=" + written);
        }
        pool.shutdownNow();
    }
}
