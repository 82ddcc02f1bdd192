package heapscope.leaks.programs.steady;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Path;

/**
 * Leak program {@code java-steady-lru-runtime-warmup}: no leak, but the JVM's own caches grow. Each phase runs the
 * same {@link SteadyWorkload} as {@link SteadyLru}, then a code path of {@link RuntimeWarmup} that no earlier phase
 * ran, so constant-pool Strings, loaded classes, lambda classes, method types, lambda forms and reflection data grow
 * a little between the dumps. A leak report must list nothing, and may show that growth in a runtime section. The
 * truth is in src/test/resources/programs/leaks/java-steady-lru-runtime-warmup.truth.json.
 *
 * <p>Run: {@code java -cp test-classes heapscope.leaks.programs.steady.SteadyLruRuntimeWarmup OUT_DIR}; writes
 * {@code OUT_DIR/java-steady-lru-runtime-warmup-{1..4}.hprof}.
 */
public final class SteadyLruRuntimeWarmup {
    private SteadyLruRuntimeWarmup() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        SteadyWorkload workload = new SteadyWorkload();
        long checksum = 0;
        for (int phase = 1; phase <= PhaseDumps.PHASES; phase++) {
            workload.runPhase(phase);
            checksum += RuntimeWarmup.runFirstTimeCode(phase);
            PhaseDumps.dump(out, "java-steady-lru-runtime-warmup", phase, workload.sizes() + " checksum=" + checksum);
        }
    }
}
