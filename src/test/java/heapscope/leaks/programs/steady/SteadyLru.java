package heapscope.leaks.programs.steady;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Path;

/**
 * Leak program {@code java-steady-lru}: no leak. Each phase runs the same {@link SteadyWorkload}: a full 500-entry
 * LRU map under churn, accounts mutated in place, a table loaded once, garbage. A leak report must list nothing.
 * The truth is in src/test/resources/programs/leaks/java-steady-lru.truth.json.
 *
 * <p>Run: {@code java -cp test-classes heapscope.leaks.programs.steady.SteadyLru OUT_DIR}; writes
 * {@code OUT_DIR/java-steady-lru-{1..4}.hprof}.
 */
public final class SteadyLru {
    private SteadyLru() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        SteadyWorkload workload = new SteadyWorkload();
        for (int phase = 1; phase <= PhaseDumps.PHASES; phase++) {
            workload.runPhase(phase);
            PhaseDumps.dump(out, "java-steady-lru", phase, workload.sizes());
        }
    }
}
