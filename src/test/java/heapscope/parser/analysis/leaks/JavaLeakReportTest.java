package heapscope.parser.analysis.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.leaks.program.EightLeaks;
import heapscope.parser.analysis.matching.CommittedWorkload;
import heapscope.parser.analysis.matching.ObjectMatcher;
import heapscope.parser.analysis.matching.ObjectMatching;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.PhaseRecorder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leak report's Java paths, in process, on the committed dumps of {@link EightLeaks} ({@link CommittedEightLeaks}):
 * one process with eight leaks of eight kinds, a full cache that is none, system properties set as it runs and classes
 * it defines as it runs (both the runtime's growth). Each leak must be one entry, named by what holds it (a static
 * field by its class; a local variable's object by its field; a pool's thread locals by the threads' common name, a
 * thread that joined the pool late included; a class loader reached only through one of its classes by that class's VM
 * table), and holding exactly the program's counts: the program checked them before each dump. The program's own
 * objects under a JDK static are its leak; program objects whose fields are named {@code classes} and
 * {@code threadLocals} are neither a class loader's classes nor a thread's locals. One test per report, as each costs
 * the matching of three dumps.
 */
class JavaLeakReportTest {
    private static final String PROGRAM = "heapscope.parser.analysis.leaks.program.";

    private static int[] perPhase(int count) {
        int[] counts = new int[EightLeaks.PHASES];
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
    void eightLeaksAreEightEntriesNamedByWhatHoldsThem() throws Exception {
        PhaseRecorder phases = new PhaseRecorder();
        LeakReport report = LeakFinder.find(CommittedEightLeaks.series(1, 2, 3), phases, CancelSignal.NEVER);
        assertEquals(List.of(Phase.MATCHING_OBJECTS, Phase.MATCHING_OBJECTS), phases.phases(), "one matching a step");
        assertEquals(List.of("d1", "d2", "d3"), report.snapshots());
        assertEquals("structural", report.matching());
        assertEquals(List.of(), report.warnings());
        List<LeakSuspect> suspects = report.suspects();
        assertEquals(List.of("AuditLog.ENTRIES", "thread locals of the request-worker-* threads (4)",
                "ApplicationShutdownHooks.hooks", "<classloader> of class Script0001", "EventBus.listeners",
                "Timetable.THIS_TERM", "Thread", "DebugRecorder.INSTANCE"),
                suspects.stream().map(LeakSuspect::name).toList(),
                "eight leaks; the price cache is full from the first dump on");
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
        assertArrayEquals(grows(EightLeaks.AUDITS), audit.held().get(0).countBySnapshot());
        assertEquals(2L * EightLeaks.AUDITS, audit.held().get(0).added());
        // Born 300 in each phase; an entry is 32 bytes (a 12-byte header, a long and two compressed references).
        assertArrayEquals(new long[] {EightLeaks.AUDITS, EightLeaks.AUDITS, EightLeaks.AUDITS},
                audit.held().get(0).countByFirstSnapshot());
        assertArrayEquals(new long[] {32L * EightLeaks.AUDITS, 32L * EightLeaks.AUDITS, 32L * EightLeaks.AUDITS},
                audit.held().get(0).bytesByFirstSnapshot());
        for (String plumbing : List.of("java.util.HashMap$Node", "java.lang.String")) {
            assertArrayEquals(grows(EightLeaks.AUDITS), held(audit, plumbing).countBySnapshot(), plumbing);
        }
        assertArrayEquals(grows(2 * EightLeaks.AUDITS), held(audit, "byte[]").countBySnapshot());
        assertArrayEquals(new long[] {EightLeaks.AUDITS - 127, 2 * EightLeaks.AUDITS - 127,
                3 * EightLeaks.AUDITS - 127},
                held(audit, "java.lang.Long").countBySnapshot());
        assertEquals(PROGRAM + "AuditEntry", className(audit.exampleNode()));
        assertEquals("java.util.HashMap", className(audit.containerNodes()[0]));

        // Each of the three workers' thread-local maps gains 40 entries a phase, the fourth worker's 80 and then 40:
        // one entry for the four. The fourth's are inheritable, in its thread's other map, made after the first dump
        // (so found from its thread, the one object the three dumps share).
        LeakSuspect threadLocals = suspects.get(1);
        assertEquals("thread locals of the request-worker-* threads (4)", threadLocals.name());
        assertEquals("thread locals of Thread \u2192 ThreadLocal$ThreadLocalMap", threadLocals.path());
        assertEquals("java.lang.ThreadLocal$ThreadLocalMap", threadLocals.containerClass());
        assertEquals(EightLeaks.WORKERS + 1, threadLocals.instances());
        assertEquals(EightLeaks.WORKERS + 1, threadLocals.containerNodes().length);
        for (int node : threadLocals.containerNodes()) {
            assertEquals("java.lang.ThreadLocal$ThreadLocalMap", className(node));
        }
        assertEquals(PROGRAM + "RequestScope$RequestState", threadLocals.held().get(0).className());
        long[] requests = java.util.stream.IntStream.rangeClosed(1, EightLeaks.PHASES).mapToLong(EightLeaks::requests)
                .toArray();
        for (String className : List.of(PROGRAM + "RequestScope$RequestState", PROGRAM + "RequestScope",
                "java.lang.ThreadLocal$ThreadLocalMap$Entry", "byte[]")) {
            assertArrayEquals(requests, held(threadLocals, className).countBySnapshot(), className);
        }
        long[] pool = grows(EightLeaks.WORKERS * EightLeaks.REQUESTS_PER_WORKER);
        assertArrayEquals(pool, held(threadLocals, "java.lang.ThreadLocal").countBySnapshot());
        long[] late = java.util.stream.IntStream.range(0, EightLeaks.PHASES).mapToLong(k -> requests[k] - pool[k])
                .toArray();
        assertArrayEquals(late, held(threadLocals, "java.lang.InheritableThreadLocal").countBySnapshot());

        // 200 listeners a phase, lambdas each holding a session, in a bus main() holds in a local variable.
        LeakSuspect listeners = suspects.get(4);
        assertEquals("EventBus.listeners", listeners.name());
        assertTrue(listeners.path().startsWith("a local variable of " + PROGRAM + "EightLeaks.main(EightLeaks.java:"),
                listeners.path());
        assertTrue(listeners.path().endsWith(") in thread 'main' \u2192 EventBus.listeners \u2192 ArrayList"),
                listeners.path());
        assertEquals("java.util.ArrayList", listeners.containerClass());
        assertEquals(PROGRAM + "EightLeaks$$Lambda", listeners.held().get(0).className(), "without the per-run suffix");
        for (String className : List.of(PROGRAM + "EightLeaks$$Lambda", PROGRAM + "EditorSession", "char[]")) {
            assertArrayEquals(grows(EightLeaks.SESSIONS), held(listeners, className).countBySnapshot(), className);
        }

        // 150 jobs a phase in the batch runner's local list. Not named yet as a reader would know it: the list
        // changes every field between dumps (size, modCount, a larger elementData), which the matching cannot tell
        // from a new list, so the growth is followed on its thread (named by its class) and the list heads the
        // breakdown as new. The thread's own thread-local map (a line buffer) holds none of the growth, so the thread,
        // not the map, is the container. The counts are right.
        LeakSuspect jobs = suspects.get(6);
        assertEquals("java.lang.Thread", jobs.containerClass());
        assertArrayEquals(grows(EightLeaks.JOBS), held(jobs, PROGRAM + "Job").countBySnapshot());
        assertArrayEquals(grows(EightLeaks.JOBS), held(jobs, "long[]").countBySnapshot());

        // 100 system properties a phase, a String key and value each: the JDK's objects under a JDK static, listed
        // apart from the leaks. The map's nodes count the JVM's own properties too; those it gained are the program's.
        assertEquals(List.of("System.props", "<classloader> of class Script0001"),
                report.runtimeGrowth().stream().map(LeakSuspect::name).toList());
        LeakSuspect settings = report.runtimeGrowth().get(0);
        assertEquals("System.props", settings.name());
        assertEquals("System.props \u2192 Properties.map \u2192 ConcurrentHashMap", settings.path());
        assertTrue(settings.grewEveryStep());
        for (String className : List.of("java.lang.String", "byte[]")) {
            assertArrayEquals(grows(2 * EightLeaks.SETTINGS), held(settings, className).countBySnapshot(), className);
        }
        // The program's settings object, put there once before the first dump: the program's, but it did not grow.
        assertArrayEquals(new long[] {1, 1, 1}, held(settings, PROGRAM + "AppConfig").countBySnapshot());
        assertEquals(0, held(settings, PROGRAM + "AppConfig").added());
        long[] nodes = held(settings, "java.util.concurrent.ConcurrentHashMap$Node").countBySnapshot();
        assertArrayEquals(new long[] {0, EightLeaks.SETTINGS, 2 * EightLeaks.SETTINGS},
                java.util.Arrays.stream(nodes).map(count -> count - nodes[0]).toArray());

        shutdownHooksAreTheProgramsLeakUnderAJdkStatic(suspects.get(2));
        aLoaderReachedThroughItsClassIsNamedByThatClasssVmTable(suspects.get(3), report.runtimeGrowth().get(1));
        aProgramFieldNamedClassesIsNoClassLoadersList(suspects.get(5));
        aProgramFieldNamedThreadLocalsIsNoThreadsMap(suspects.get(7));
    }

    /**
     * 60 hooks a phase, each an unstarted thread holding its report file, in the JDK's
     * {@code ApplicationShutdownHooks.hooks}: a JDK static, but what it gained is the program's, so a leak, not the
     * JDK's growth. Each hook is a Thread with its name String (and its bytes), its blocker lock and its access control
     * context; a file is 24 bytes (a header, a long, a reference) with its 96-byte buffer.
     */
    private static void shutdownHooksAreTheProgramsLeakUnderAJdkStatic(LeakSuspect hooks) {
        assertEquals("ApplicationShutdownHooks.hooks", hooks.name());
        assertEquals("ApplicationShutdownHooks.hooks \u2192 IdentityHashMap", hooks.path());
        assertEquals("java.util.IdentityHashMap", hooks.containerClass());
        assertEquals("java.lang.Thread", hooks.held().get(0).className(), "the hooks, nearest the map");
        for (String className : List.of("java.lang.Thread", PROGRAM + "ReportFile", "java.lang.String",
                "java.lang.Object", "java.security.AccessControlContext")) {
            assertArrayEquals(grows(EightLeaks.HOOKS), held(hooks, className).countBySnapshot(), className);
        }
        assertArrayEquals(grows(2 * EightLeaks.HOOKS), held(hooks, "byte[]").countBySnapshot());
        assertArrayEquals(new long[] {24L * EightLeaks.HOOKS, 24L * EightLeaks.HOOKS, 24L * EightLeaks.HOOKS},
                held(hooks, PROGRAM + "ReportFile").bytesByFirstSnapshot());
    }

    /**
     * The script loader hangs from the GC roots only through the bootstrap script's class ({@code <classloader>}, a VM
     * table). Its own list of compiled scripts (41 after the first phase: the bootstrap and 40 more, then 40 a phase,
     * each with its class file and name) is the program's leak; its {@code ClassLoader.classes} is classes loaded, the
     * runtime's growth, though the classes' statics hold program objects: 40 classes a phase, each with its static
     * {@code ScriptResults} and that one's {@code long[16]} (the bootstrap's class is not in it: that class holds the
     * loader).
     */
    private static void aLoaderReachedThroughItsClassIsNamedByThatClasssVmTable(LeakSuspect compiled,
            LeakSuspect classes) {
        assertEquals("<classloader> of class Script0001 \u2192 ScriptLoader.compiled \u2192 ArrayList",
                compiled.path());
        assertEquals("java.util.ArrayList", compiled.containerClass());
        String script = PROGRAM + "ScriptLoader$CompiledScript";
        assertEquals(script, compiled.held().get(0).className());
        long[] scripts = {1 + EightLeaks.SCRIPTS, 1 + 2 * EightLeaks.SCRIPTS, 1 + 3 * EightLeaks.SCRIPTS};
        assertArrayEquals(scripts, held(compiled, script).countBySnapshot());
        assertArrayEquals(scripts, held(compiled, "java.lang.String").countBySnapshot());
        assertArrayEquals(java.util.Arrays.stream(scripts).map(n -> 2 * n).toArray(),
                held(compiled, "byte[]").countBySnapshot());

        assertEquals("<classloader> of class Script0001", classes.name());
        assertEquals("<classloader> of class Script0001 \u2192 ScriptLoader.classes \u2192 ArrayList", classes.path());
        assertTrue(classes.grewEveryStep());
        for (String className : List.of("java.lang.Class", PROGRAM + "scripts.ScriptResults", "long[]")) {
            assertArrayEquals(grows(EightLeaks.SCRIPTS), held(classes, className).countBySnapshot(), className);
        }
        // A long[16]: a 16-byte header with its length, and 16 longs.
        assertArrayEquals(new long[] {144L * EightLeaks.SCRIPTS, 144L * EightLeaks.SCRIPTS, 144L * EightLeaks.SCRIPTS},
                held(classes, "long[]").bytesByFirstSnapshot());
    }

    /**
     * 120 school classes a phase in {@code Timetable.THIS_TERM.classes}: a field named as the JDK names a class
     * loader's classes, on an object that is no class loader, so a leak. A school class is 24 bytes (a header, an int,
     * a reference), its {@code int[24]} 112.
     */
    private static void aProgramFieldNamedClassesIsNoClassLoadersList(LeakSuspect timetable) {
        assertEquals("Timetable.THIS_TERM \u2192 Timetable.classes \u2192 ArrayList", timetable.path());
        assertEquals("java.util.ArrayList", timetable.containerClass());
        String schoolClass = PROGRAM + "Timetable$SchoolClass";
        assertEquals(schoolClass, timetable.held().get(0).className());
        assertArrayEquals(grows(EightLeaks.SCHOOL_CLASSES), held(timetable, schoolClass).countBySnapshot());
        assertArrayEquals(grows(EightLeaks.SCHOOL_CLASSES), held(timetable, "int[]").countBySnapshot());
        assertArrayEquals(new long[] {112L * EightLeaks.SCHOOL_CLASSES, 112L * EightLeaks.SCHOOL_CLASSES,
                112L * EightLeaks.SCHOOL_CLASSES}, held(timetable, "int[]").bytesByFirstSnapshot());
    }

    /**
     * 90 recorded requests a phase in {@code DebugRecorder.INSTANCE.threadLocals}: a field named as a thread's
     * thread-local map, on an object that is no thread, so named by its static; and, as the array in it is new in
     * each dump, the recorder is the container, not the array its field holds (as a thread's map would be). A record
     * is 24 bytes (a header, a long, a reference), its {@code short[40]} 96.
     */
    private static void aProgramFieldNamedThreadLocalsIsNoThreadsMap(LeakSuspect recorder) {
        assertEquals("DebugRecorder.INSTANCE \u2192 DebugRecorder", recorder.path());
        assertEquals(PROGRAM + "DebugRecorder", recorder.containerClass());
        assertEquals(1, recorder.instances());
        String recorded = PROGRAM + "DebugRecorder$RecordedLocals";
        assertEquals(recorded, recorder.held().get(0).className());
        assertArrayEquals(grows(EightLeaks.RECORDED), held(recorder, recorded).countBySnapshot());
        assertArrayEquals(grows(EightLeaks.RECORDED), held(recorder, "short[]").countBySnapshot());
        assertArrayEquals(new long[] {96L * EightLeaks.RECORDED, 96L * EightLeaks.RECORDED, 96L * EightLeaks.RECORDED},
                held(recorder, "short[]").bytesByFirstSnapshot());
    }

    /** Dumps given newest first: each dump's header says it was written before the one given before it. */
    @Test
    void dumpsOutOfOrderAreFlaggedByTheirHeaders() {
        SeriesChecks checks = new SeriesChecks(List.of("d3", "d2", "d1"));
        for (int k = 0; k < EightLeaks.PHASES; k++) {
            checks.add(k, CommittedEightLeaks.heap(EightLeaks.PHASES - k));
        }
        assertEquals(List.of(
                "d2 was written before d3 (the dumps' headers say so): the dumps are not in the order they were taken",
                "d1 was written before d2 (the dumps' headers say so): the dumps are not in the order they were taken"),
                checks.warnings());
        SeriesChecks inOrder = new SeriesChecks(List.of("d1", "d2", "d3"));
        for (int k = 0; k < EightLeaks.PHASES; k++) {
            inOrder.add(k, CommittedEightLeaks.heap(k + 1));
        }
        assertEquals(List.of(), inOrder.warnings());
        // One dump given twice: written at the same moment, by the same threads, which is no wrong order.
        SeriesChecks twice = new SeriesChecks(List.of("d1", "d1 again"));
        twice.add(0, CommittedEightLeaks.heap(1));
        twice.add(1, CommittedEightLeaks.heap(1));
        assertEquals(List.of(), twice.warnings());
    }

    /**
     * A dump of another process (the committed matching workload's first, written earlier) after one of this
     * program's: no thread of one is in the other.
     */
    @Test
    void aDumpOfAnotherProcessIsFlagged() {
        AnalyzedHeap ours = CommittedEightLeaks.heap(1);
        AnalyzedHeap other = CommittedWorkload.get().heap(0);
        SeriesChecks checks = new SeriesChecks(List.of("ours", "other"));
        checks.add(0, ours);
        checks.add(1, other);
        ObjectMatching matching = ObjectMatcher.match(ours, other, CancelSignal.NEVER);
        checks.matched(1, ours, matching);
        // The two JVMs of one JDK share the JDK's own classes and Strings: about three in five of our objects match
        // (the rest are the program's), more than the 20 % below which the matching would call them two processes
        // too (see the next test for a step below it).
        assertEquals(List.of(
                "other was written before ours (the dumps' headers say so): the dumps are not in the order they were"
                        + " taken",
                "other has no thread of ours (no native thread handle in common): the dumps come from different"
                        + " processes"), checks.warnings());
    }

    /**
     * The last dump of this program (JDK 17) and then the committed dump of a small program on JDK 25 (written
     * earlier), as a leak report's series: the newer matches fewer than one in five of the older's objects (the two
     * JDKs share few classes and Strings, and the small program has none of ours), so the report flags the step with
     * the matched count and the older dump's object count, besides the headers' order and the threads.
     */
    @Test
    void aSmallDumpOfAnotherJdkSharesFewObjectsAndIsFlagged() throws Exception {
        AnalyzedHeap ours = CommittedEightLeaks.heap(EightLeaks.PHASES);
        AnalyzedHeap other = HeapLoader.load(Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz"),
                ProgressListener.NO_OP, CancelSignal.NEVER);
        long matched = ObjectMatcher.match(ours, other, CancelSignal.NEVER).matchedCount();
        int objects = ours.graph().nodeCount();
        assertTrue(matched <= other.graph().nodeCount(), "at most the small dump's objects match");
        LeakReport report = LeakFinder.find(new HeapSeries(List.of("d3", "small"), k -> k == 0 ? ours : other),
                ProgressListener.NO_OP, CancelSignal.NEVER);
        assertEquals(List.of(
                "small was written before d3 (the dumps' headers say so): the dumps are not in the order they were"
                        + " taken",
                "small has no thread of d3 (no native thread handle in common): the dumps come from different"
                        + " processes",
                "small shares only " + matched + " of d3's " + objects + " objects: the dumps may not come from one"
                        + " process"), report.warnings());
    }

    private static String className(int node) {
        AnalyzedHeap last = CommittedEightLeaks.heap(EightLeaks.PHASES);
        return last.classes().name(last.classes().classByNode().get(node));
    }
}
