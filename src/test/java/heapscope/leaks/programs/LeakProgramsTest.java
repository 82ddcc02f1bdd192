package heapscope.leaks.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.leaks.programs.ProgramTruth.ClassGrowth;
import heapscope.leaks.programs.ProgramTruth.Kept;
import heapscope.leaks.programs.ProgramTruth.Leak;
import heapscope.leaks.programs.ProgramTruth.RuntimeGrowth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each leak program's truth is true: the program runs, and in the snapshots it writes, read by Heapscope's engine as
 * a consumer (the Summary's counts), each class of a leak grows by the stated amount in every step, what is kept but
 * not leaked stays at its stated count, and the growth of all objects together is the leaks' growth plus the stated
 * runtime growth, so the truth misses nothing that grows. (A class's tolerance and the runtime growth describe the
 * same noise, JIT-resolved Strings and the like, so the total is checked against the runtime range alone.)
 */
class LeakProgramsTest {
    @Test
    void javaStaticMap() throws Exception {
        checkTruth(LeakProgram.JAVA_STATIC_MAP);
    }

    @Test
    void javaListeners() throws Exception {
        checkTruth(LeakProgram.JAVA_LISTENERS);
    }

    @Test
    void javaThreadLocal() throws Exception {
        checkTruth(LeakProgram.JAVA_THREAD_LOCAL);
    }

    @Test
    void javaUniqueKeyCache() throws Exception {
        checkTruth(LeakProgram.JAVA_UNIQUE_KEY_CACHE);
    }

    @Test
    void javaClassLoader() throws Exception {
        checkTruth(LeakProgram.JAVA_CLASS_LOADER);
    }

    @Test
    void javaSteadyLru() throws Exception {
        checkTruth(LeakProgram.JAVA_STEADY_LRU);
    }

    @Test
    void javaSteadyLruRuntimeWarmup() throws Exception {
        checkTruth(LeakProgram.JAVA_STEADY_LRU_RUNTIME_WARMUP);
    }

    @Test
    void nodeClosure() throws Exception {
        checkTruth(LeakProgram.NODE_CLOSURE);
    }

    @Test
    void nodeListeners() throws Exception {
        checkTruth(LeakProgram.NODE_LISTENERS);
    }

    @Test
    void nodeResponseCache() throws Exception {
        checkTruth(LeakProgram.NODE_RESPONSE_CACHE);
    }

    @Test
    void nodeSteadyLru() throws Exception {
        checkTruth(LeakProgram.NODE_STEADY_LRU);
    }

    private void checkTruth(LeakProgram program) throws Exception {
        ProgramTruth truth = program.truth();
        assertEquals(program.id(), truth.program());
        assertEquals(program.isJava() ? "hprof" : "v8-heapsnapshot", truth.format());
        List<SnapshotCounts> snapshots = new ArrayList<>();
        for (Path snapshot : program.snapshots()) {
            snapshots.add(SnapshotCounts.load(snapshot));
        }
        assertEquals(truth.snapshots(), snapshots.size());
        for (Leak leak : truth.leaks()) {
            for (ClassGrowth growth : classesOf(leak)) {
                checkGrowth(program, leak, growth, snapshots);
            }
        }
        for (Kept kept : truth.notLeaks()) {
            long[] counts = counts(snapshots, kept.className(), false);
            for (long count : counts) {
                assertEquals(kept.count(), count, program.id() + ": " + kept.name() + " (" + kept.className()
                        + ") is not steady: " + Arrays.toString(counts));
            }
        }
        checkTotalGrowth(program, truth, snapshots);
    }

    private static List<ClassGrowth> classesOf(Leak leak) {
        List<ClassGrowth> growths = new ArrayList<>(List.of(leak.accumulates()));
        growths.addAll(leak.alsoGrows());
        return growths;
    }

    /** All objects together grow by the leaks' listed classes, their others and the runtime growth, no more. */
    private static void checkTotalGrowth(LeakProgram program, ProgramTruth truth, List<SnapshotCounts> snapshots) {
        long listedPerStep = truth.leaks().stream().flatMap(leak -> classesOf(leak).stream())
                .mapToLong(ClassGrowth::perStep).sum();
        long low = truth.runtimeGrowth().stream().mapToLong(RuntimeGrowth::minObjectsPerStep).sum();
        long high = truth.runtimeGrowth().stream().mapToLong(RuntimeGrowth::maxObjectsPerStep).sum();
        for (Leak leak : truth.leaks()) {
            if (leak.others() != null) {
                low += leak.others().minPerStep();
                high += leak.others().maxPerStep();
            }
        }
        for (int step = 1; step < snapshots.size(); step++) {
            long unexplained = snapshots.get(step).total() - snapshots.get(step - 1).total() - listedPerStep;
            assertTrue(unexplained >= low && unexplained <= high, program.id() + ": step " + step + " grew by "
                    + unexplained + " objects beyond the leaks' classes, not in [" + low + ", " + high + "]");
        }
    }

    private static void checkGrowth(LeakProgram program, Leak leak, ClassGrowth growth,
            List<SnapshotCounts> snapshots) {
        long[] counts = counts(snapshots, growth.className(), growth.prefix());
        String what = program.id() + ": " + leak.name() + ": " + growth.className() + " " + Arrays.toString(counts);
        if (growth.firstCount() != null) {
            assertEquals(growth.firstCount().longValue(), counts[0], what);
        }
        for (int step = 1; step < counts.length; step++) {
            long grown = counts[step] - counts[step - 1];
            assertTrue(Math.abs(grown - growth.perStep()) <= growth.tolerance(), what + ": step " + step + " grew by "
                    + grown + ", not " + growth.perStep() + " ± " + growth.tolerance());
        }
    }

    private static long[] counts(List<SnapshotCounts> snapshots, String className, boolean prefix) {
        return snapshots.stream().mapToLong(s -> s.count(className, prefix)).toArray();
    }
}
