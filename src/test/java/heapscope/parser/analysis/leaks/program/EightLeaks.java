package heapscope.parser.analysis.leaks.program;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;

/**
 * A Java program with eight leaks of eight kinds in one process, whose three dumps are committed
 * (src/test/resources/fixtures/hprof/eight-leaks/, made by the script there) so that the leak report's Java paths are
 * tested in process. Each phase:
 * <ul>
 *   <li>records {@value #AUDITS} {@link AuditEntry}s in the static map {@code AuditLog.ENTRIES}, never removed;</li>
 *   <li>opens {@value #SESSIONS} {@link EditorSession}s whose listener (a lambda capturing the session) stays in the
 *       {@link EventBus} that {@code main} holds in a local variable;</li>
 *   <li>runs {@value #REQUESTS_PER_WORKER} requests on each of {@value #WORKERS} threads named
 *       {@code request-worker-N}, each leaving a {@link RequestScope.RequestState} in its thread's thread-local map;
 *       a fourth, {@code request-worker-4}, started with them, gets its first requests in phase 2
 *       ({@link #LATE_REQUESTS}) and keeps them in inheritable thread locals, so its thread's other map,
 *       {@code inheritableThreadLocals}, is made after the first dump;</li>
 *   <li>hands {@value #JOBS} {@link Job}s to the thread {@code batch-runner}, which keeps them in a local list (and
 *       has a thread local of its own that does not grow);</li>
 *   <li>sets {@value #SETTINGS} system properties ({@code eight-leaks.setting.N}, String values): growth of the JDK's
 *       own objects under a JDK static, which the report lists apart from the leaks (its {@link AppConfig}, put there
 *       once at start, does not grow);</li>
 *   <li>opens {@value #HOOKS} {@link ReportFile}s, each registering a shutdown hook (a thread holding the file) that
 *       is never removed: the program's objects under a JDK static, {@code ApplicationShutdownHooks.hooks};</li>
 *   <li>adds {@value #SCHOOL_CLASSES} {@link Timetable.SchoolClass}es to {@code Timetable.THIS_TERM.classes} and
 *       {@value #RECORDED} {@link DebugRecorder.RecordedLocals} to {@code DebugRecorder.INSTANCE.threadLocals} (an array
 *       replaced by a longer copy for each): program objects whose fields are named as the JDK names a class
 *       loader's classes and a thread's locals;</li>
 *   <li>compiles {@value #SCRIPTS} scripts with the {@link ScriptEngine}: each a class of its own, defined by one
 *       {@link ScriptLoader} that the engine reaches only through its bootstrap script's class (a VM table), which
 *       keeps the classes, each with its static {@code ScriptResults}, in its {@code ClassLoader.classes} (classes
 *       loaded: growth of the runtime's tables) and remembers each compiled script in its own {@code compiled} list
 *       (the program's leak);</li>
 *   <li>and, no leak, puts {@value #QUOTES} new {@link Quote}s into a price cache that keeps the newest
 *       {@value #QUOTES}.</li>
 * </ul>
 * The truth is these constants: every leak grows by its count in each step. The program checks its own counts before
 * each dump and writes them to {@code OUT/eight-leaks-K.counts}.
 *
 * <p>Run: {@code java -Xmx128m --add-opens java.base/java.lang=ALL-UNNAMED -cp test-classes
 * heapscope.parser.analysis.leaks.program.EightLeaks OUT} (the opening lets it count the JDK's shutdown hooks); writes
 * {@code OUT/eight-leaks-{1..3}.hprof} (what {@code jcmd GC.heap_dump} writes, live objects after full GCs).
 */
public final class EightLeaks {
    public static final String NAME = "eight-leaks";
    public static final int PHASES = 3;
    public static final int AUDITS = 300;
    public static final int SESSIONS = 200;
    public static final int WORKERS = 3;
    public static final int REQUESTS_PER_WORKER = 40;
    public static final int JOBS = 150;
    public static final int QUOTES = 200;
    public static final int HOOKS = 60;
    public static final int SCHOOL_CLASSES = 120;
    public static final int RECORDED = 90;
    /** Scripts compiled in each phase (script 1, the bootstrap, before the first phase). */
    public static final int SCRIPTS = 40;
    /** The requests the late fourth worker runs in each phase. */
    public static final int[] LATE_REQUESTS = {0, 80, 40};
    public static final int SETTINGS = 100;
    public static final String SETTING = "eight-leaks.setting.";

    private EightLeaks() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        EventBus bus = new EventBus();
        List<SynchronousQueue<Integer>> workers = startWorkers(WORKERS, 1, false);
        SynchronousQueue<Integer> lateWorker = startWorkers(1, WORKERS + 1, true).get(0);
        SynchronousQueue<Integer> batches = new SynchronousQueue<>();
        Thread batchRunner = new Thread(() -> BatchRunner.run(batches), "batch-runner");
        batchRunner.setDaemon(true);
        batchRunner.start();
        ScriptEngine.start();
        System.getProperties().put(AppConfig.KEY, new AppConfig());
        long nextId = 1;
        int nextScript = 2;
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
            if (LATE_REQUESTS[phase - 1] > 0) {
                lateWorker.put(LATE_REQUESTS[phase - 1]);
            }
            for (SynchronousQueue<Integer> worker : workers) {
                worker.put(0); // taken only once the requests before it ran
            }
            lateWorker.put(0);
            batches.put(JOBS);
            batches.put(0);
            for (int i = 0; i < SETTINGS; i++) {
                System.setProperty(SETTING + ((phase - 1) * SETTINGS + i), "value " + i + " of phase " + phase);
            }
            for (int i = 0; i < HOOKS; i++) {
                ReportFile.open(nextId++);
            }
            for (int i = 0; i < SCHOOL_CLASSES; i++) {
                Timetable.THIS_TERM.classes.add(new Timetable.SchoolClass((phase - 1) * SCHOOL_CLASSES + i));
            }
            for (int i = 0; i < RECORDED; i++) {
                DebugRecorder.INSTANCE.record(new DebugRecorder.RecordedLocals(nextId++));
            }
            for (int i = 0; i < SCRIPTS; i++) {
                ScriptEngine.runNew(nextScript++);
            }
            for (int i = 0; i < QUOTES; i++) {
                PriceCache.put(phase * QUOTES + i);
            }
            String counts = "audits=" + AuditLog.ENTRIES.size() + " listeners=" + bus.size() + " requests="
                    + RequestScope.entered() + " jobs=" + BatchRunner.kept() + " quotes=" + PriceCache.size()
                + " settings=" + System.getProperties().stringPropertyNames().stream()
                        .filter(name -> name.startsWith(SETTING)).count()
                + " hooks=" + ReportFile.hooks() + " schoolClasses=" + Timetable.THIS_TERM.classes.size()
                + " recorded=" + DebugRecorder.INSTANCE.size() + " scripts=" + ScriptEngine.compiled();
            check(counts, phase);
            Files.writeString(out.resolve(NAME + "-" + phase + ".counts"), counts + "\n");
            PhaseDumps.dump(out, NAME, phase, counts);
        }
    }

    private static void check(String counts, int phase) {
        String expected = "audits=" + AUDITS * phase + " listeners=" + SESSIONS * phase + " requests="
                + requests(phase) + " jobs=" + JOBS * phase + " quotes=" + QUOTES + " settings=" + SETTINGS * phase
                + " hooks=" + HOOKS * phase + " schoolClasses=" + SCHOOL_CLASSES * phase + " recorded="
                + RECORDED * phase + " scripts=" + (1 + SCRIPTS * phase);
        if (!counts.equals(expected)) {
            throw new IllegalStateException("phase " + phase + ": " + counts + ", expected " + expected);
        }
    }

    /** The requests all workers have run by the end of the phase: the pool's and the late worker's. */
    public static int requests(int phase) {
        int late = 0;
        for (int k = 0; k < phase; k++) {
            late += LATE_REQUESTS[k];
        }
        return WORKERS * REQUESTS_PER_WORKER * phase + late;
    }

    /**
     * {@code count} request workers {@code request-worker-N} from N = {@code first} on, each taking a number of
     * requests to run from its queue (0: a no-op, to wait on), in {@link RequestScope}s inheritable or not.
     */
    private static List<SynchronousQueue<Integer>> startWorkers(int count, int first, boolean inheritable) {
        List<SynchronousQueue<Integer>> queues = new ArrayList<>();
        for (int w = first; w < first + count; w++) {
            SynchronousQueue<Integer> queue = new SynchronousQueue<>();
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        int requests = queue.take();
                        for (int i = 0; i < requests; i++) {
                            new RequestScope(inheritable).enter();
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
