package heapscope.parser.analysis.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.leaks.program.FourLeaks;
import heapscope.parser.analysis.matching.CommittedWorkload;
import heapscope.parser.analysis.matching.ObjectMatcher;
import heapscope.parser.analysis.matching.ObjectMatching;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.testing.PhaseRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leak report's Java paths, in process, on the committed dumps of {@link FourLeaks} ({@link CommittedFourLeaks}):
 * one process with four leaks of four kinds, a full cache that is none, and system properties set as it runs (the
 * JDK's growth). Each leak must be one entry, named by what holds it (a static field by its class; a local variable's
 * object by its field; a pool's thread locals by the threads' common name, a thread that joined the pool late
 * included), headed by the program's own class, and holding exactly the program's counts: the program checked them
 * before each dump. One test per report, as each costs the matching of three dumps.
 */
class JavaLeakReportTest {
    private static final String PROGRAM = "heapscope.parser.analysis.leaks.program.";

    private static int[] perPhase(int count) {
        int[] counts = new int[FourLeaks.PHASES];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = count * (k + 1);
        }
        return counts;
    }

    private static long[] grows(int perPhase) {
        return java.util.Arrays.stream(perPhase(perPhase)).asLongStream().toArray();
    }

    private static ClassGrowth held(LeakSuspect suspect, String className) {
        return suspect.held().stream().filter(c -> c.className().equals(className)).findFirst()
                .orElseThrow(() -> new AssertionError(className + " not in " + suspect.held()));
    }

    @Test
    void fourLeaksAreFourEntriesNamedByWhatHoldsThem() throws Exception {
        PhaseRecorder phases = new PhaseRecorder();
        LeakReport report = LeakFinder.find(CommittedFourLeaks.series(1, 2, 3), phases, CancelSignal.NEVER);
        assertEquals(List.of(Phase.MATCHING_OBJECTS, Phase.MATCHING_OBJECTS), phases.phases(), "one matching a step");
        assertEquals(List.of("d1", "d2", "d3"), report.snapshots());
        assertEquals("structural", report.matching());
        assertEquals(List.of(), report.warnings());
        List<LeakSuspect> suspects = report.suspects();
        assertEquals(4, suspects.size(), "four leaks; the price cache is full from the first dump on: " + suspects);
        for (LeakSuspect suspect : suspects) {
            assertTrue(suspect.grewEveryStep(), suspect.name());
        }
        for (int i = 1; i < suspects.size(); i++) {
            assertTrue(suspects.get(i - 1).growth() > suspects.get(i).growth(), "larger growth first");
        }

        // 300 entries a phase, with their keys (ids from 1 on: the 127 below 128 are the JDK's cached Longs, not the
        // map's own), nodes, action Strings and their bytes, and each entry's 64-byte detail.
        LeakSuspect audit = suspects.get(0);
        assertEquals("AuditLog.ENTRIES", audit.name());
        assertEquals("AuditLog.ENTRIES \u2192 HashMap", audit.path());
        assertEquals("java.util.HashMap", audit.containerClass());
        assertEquals(1, audit.instances());
        assertEquals(PROGRAM + "AuditEntry", audit.held().get(0).className());
        assertArrayEquals(grows(FourLeaks.AUDITS), audit.held().get(0).countBySnapshot());
        assertEquals(2L * FourLeaks.AUDITS, audit.held().get(0).added());
        // Born 300 in each phase; an entry is 32 bytes (a 12-byte header, a long and two compressed references).
        assertArrayEquals(new long[] {FourLeaks.AUDITS, FourLeaks.AUDITS, FourLeaks.AUDITS},
                audit.held().get(0).countByFirstSnapshot());
        assertArrayEquals(new long[] {32L * FourLeaks.AUDITS, 32L * FourLeaks.AUDITS, 32L * FourLeaks.AUDITS},
                audit.held().get(0).bytesByFirstSnapshot());
        for (String plumbing : List.of("java.util.HashMap$Node", "java.lang.String")) {
            assertArrayEquals(grows(FourLeaks.AUDITS), held(audit, plumbing).countBySnapshot(), plumbing);
        }
        assertArrayEquals(grows(2 * FourLeaks.AUDITS), held(audit, "byte[]").countBySnapshot());
        assertArrayEquals(new long[] {FourLeaks.AUDITS - 127, 2 * FourLeaks.AUDITS - 127, 3 * FourLeaks.AUDITS - 127},
                held(audit, "java.lang.Long").countBySnapshot());
        assertEquals(PROGRAM + "AuditEntry", className(audit.exampleNode()));
        assertEquals("java.util.HashMap", className(audit.containerNodes()[0]));

        // Each of the three workers' thread-local maps gains 40 entries a phase, the fourth worker's (made after the
        // first dump, so followed on its thread) 80 and then 40: one entry for the four.
        LeakSuspect threadLocals = suspects.get(1);
        assertEquals("thread locals of the request-worker-* threads (4)", threadLocals.name());
        assertEquals("thread locals of Thread \u2192 ThreadLocal$ThreadLocalMap", threadLocals.path());
        assertEquals("java.lang.ThreadLocal$ThreadLocalMap", threadLocals.containerClass());
        assertEquals(FourLeaks.WORKERS + 1, threadLocals.instances());
        assertEquals(FourLeaks.WORKERS + 1, threadLocals.containerNodes().length);
        for (int node : threadLocals.containerNodes()) {
            assertEquals("java.lang.ThreadLocal$ThreadLocalMap", className(node));
        }
        assertEquals(PROGRAM + "RequestScope$RequestState", threadLocals.held().get(0).className());
        long[] requests = java.util.stream.IntStream.rangeClosed(1, FourLeaks.PHASES).mapToLong(FourLeaks::requests)
                .toArray();
        for (String className : List.of(PROGRAM + "RequestScope$RequestState", PROGRAM + "RequestScope",
                "java.lang.ThreadLocal", "java.lang.ThreadLocal$ThreadLocalMap$Entry", "byte[]")) {
            assertArrayEquals(requests, held(threadLocals, className).countBySnapshot(), className);
        }

        // 200 listeners a phase, lambdas each holding a session, in a bus main() holds in a local variable.
        LeakSuspect listeners = suspects.get(2);
        assertEquals("EventBus.listeners", listeners.name());
        assertTrue(listeners.path().startsWith("a local variable of " + PROGRAM + "FourLeaks.main(FourLeaks.java:"),
                listeners.path());
        assertTrue(listeners.path().endsWith(") in thread 'main' \u2192 EventBus.listeners \u2192 ArrayList"),
                listeners.path());
        assertEquals("java.util.ArrayList", listeners.containerClass());
        assertEquals(PROGRAM + "FourLeaks$$Lambda", listeners.held().get(0).className(), "without the per-run suffix");
        for (String className : List.of(PROGRAM + "FourLeaks$$Lambda", PROGRAM + "EditorSession", "char[]")) {
            assertArrayEquals(grows(FourLeaks.SESSIONS), held(listeners, className).countBySnapshot(), className);
        }

        // 150 jobs a phase in the batch runner's local list. Not named yet as a reader would know it: the list
        // changes every field between dumps (size, modCount, a larger elementData), which the matching cannot tell
        // from a new list, so the growth is followed on its thread (named by its class) and the list heads the
        // breakdown as new. The counts are right.
        LeakSuspect jobs = suspects.get(3);
        assertEquals("java.lang.Thread", jobs.containerClass());
        assertArrayEquals(grows(FourLeaks.JOBS), held(jobs, PROGRAM + "Job").countBySnapshot());
        assertArrayEquals(grows(FourLeaks.JOBS), held(jobs, "long[]").countBySnapshot());

        // 100 system properties a phase, a String key and value each: the JDK's objects under a JDK static, listed
        // apart from the leaks. The map's nodes count the JVM's own properties too; those it gained are the program's.
        assertEquals(1, report.runtimeGrowth().size(), report.runtimeGrowth().toString());
        LeakSuspect settings = report.runtimeGrowth().get(0);
        assertEquals("System.props", settings.name());
        assertEquals("System.props \u2192 Properties.map \u2192 ConcurrentHashMap", settings.path());
        assertTrue(settings.grewEveryStep());
        for (String className : List.of("java.lang.String", "byte[]")) {
            assertArrayEquals(grows(2 * FourLeaks.SETTINGS), held(settings, className).countBySnapshot(), className);
        }
        long[] nodes = held(settings, "java.util.concurrent.ConcurrentHashMap$Node").countBySnapshot();
        assertArrayEquals(new long[] {0, FourLeaks.SETTINGS, 2 * FourLeaks.SETTINGS},
                java.util.Arrays.stream(nodes).map(count -> count - nodes[0]).toArray());
    }

    /** Dumps given newest first: each dump's header says it was written before the one given before it. */
    @Test
    void dumpsOutOfOrderAreFlaggedByTheirHeaders() {
        SeriesChecks checks = new SeriesChecks(List.of("d3", "d2", "d1"));
        for (int k = 0; k < FourLeaks.PHASES; k++) {
            checks.add(k, CommittedFourLeaks.heap(FourLeaks.PHASES - k));
        }
        assertEquals(List.of(
                "d2 was written before d3 (the dumps' headers say so): the dumps are not in the order they were taken",
                "d1 was written before d2 (the dumps' headers say so): the dumps are not in the order they were taken"),
                checks.warnings());
        SeriesChecks inOrder = new SeriesChecks(List.of("d1", "d2", "d3"));
        for (int k = 0; k < FourLeaks.PHASES; k++) {
            inOrder.add(k, CommittedFourLeaks.heap(k + 1));
        }
        assertEquals(List.of(), inOrder.warnings());
        // One dump given twice: written at the same moment, by the same threads, which is no wrong order.
        SeriesChecks twice = new SeriesChecks(List.of("d1", "d1 again"));
        twice.add(0, CommittedFourLeaks.heap(1));
        twice.add(1, CommittedFourLeaks.heap(1));
        assertEquals(List.of(), twice.warnings());
    }

    /**
     * A dump of another process (the committed matching workload's first, written earlier) after one of this
     * program's: no thread of one is in the other.
     */
    @Test
    void aDumpOfAnotherProcessIsFlagged() {
        AnalyzedHeap ours = CommittedFourLeaks.heap(1);
        AnalyzedHeap other = CommittedWorkload.get().heap(0);
        SeriesChecks checks = new SeriesChecks(List.of("ours", "other"));
        checks.add(0, ours);
        checks.add(1, other);
        ObjectMatching matching = ObjectMatcher.match(ours, other, CancelSignal.NEVER);
        checks.matched(1, ours, matching);
        // The two JVMs share the JDK's own classes and Strings: about four in five objects match, more than the 20 %
        // below which the matching would call them two processes too.
        assertEquals(List.of(
                "other was written before ours (the dumps' headers say so): the dumps are not in the order they were"
                        + " taken",
                "other has no thread of ours (no native thread handle in common): the dumps come from different"
                        + " processes"), checks.warnings());
    }

    private static String className(int node) {
        AnalyzedHeap last = CommittedFourLeaks.heap(FourLeaks.PHASES);
        return last.classes().name(last.classes().classByNode().get(node));
    }
}
