package heapscope.leaks.programs.common;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How every Java leak program ends a phase: full GCs (see {@link #settle}), then a dump of the live objects of its
 * own heap (what {@code jcmd GC.heap_dump} writes) to {@code DIR/PROGRAM-PHASE.hprof}, after a line on standard output with the
 * program's own count of what it keeps (the harness shows it when a run fails). Runs in the program's JVM; writes
 * the file.
 */
public final class PhaseDumps {
    /** Every program dumps after each of this many phases. */
    public static final int PHASES = 4;

    private PhaseDumps() {
    }

    public static void dump(Path dir, String program, int phase, String counts)
            throws IOException, InterruptedException {
        // Printed before the dump, so that the JDK code this line runs for the first time (string concatenation,
        // charset encoders) is warm in the first dump already, not growth between the first two.
        System.out.println("phase " + phase + ": " + counts);
        Path file = dir.resolve(program + "-" + phase + ".hprof");
        Files.deleteIfExists(file);
        HotSpotDiagnosticMXBean diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        settle();
        diagnostics.dumpHeap(file.toString(), true);
    }

    /**
     * A full GC, then a wait until the JDK's reference handler has processed what it found and its cleaner thread had
     * a moment to run, then another full GC. The first look-up of the diagnostic bean leaves objects that die only
     * after that processing (on JDK 17, 14 call-site contexts and their cleanables); without this they are in the
     * first dump and gone from the next one, or not, depending on thread scheduling.
     */
    private static void settle() throws InterruptedException {
        ReferenceQueue<Object> processed = new ReferenceQueue<>();
        WeakReference<Object> probe = new WeakReference<>(new Object(), processed);
        System.gc();
        processed.remove(2000);
        Reference.reachabilityFence(probe);
        Thread.sleep(50);
        System.gc();
    }
}
