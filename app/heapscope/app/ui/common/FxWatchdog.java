package heapscope.app.ui.common;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * A diagnostic for "the UI thread never blocks": every 50 ms it asks the JavaFX thread to answer and records how long
 * the answer took; every 5 s it prints the longest wait, the app's heap in use and the running jobs to stderr. On
 * when the system property {@code heapscope.watchdog} is {@code true}.
 */
public final class FxWatchdog {
    private static final long STARTED = System.nanoTime();

    private FxWatchdog() {
    }

    public static void startIfAsked(Background background) {
        if (!Boolean.getBoolean("heapscope.watchdog")) {
            return;
        }
        AtomicLong worst = new AtomicLong();
        Thread thread = new Thread(() -> {
            long reportAt = System.nanoTime() + 5_000_000_000L;
            while (true) {
                long asked = System.nanoTime();
                AtomicLong answered = new AtomicLong();
                Platform.runLater(() -> answered.set(System.nanoTime()));
                try {
                    while (answered.get() == 0) {
                        Thread.sleep(1);
                    }
                    long waited = (answered.get() - asked) / 1_000_000;
                    worst.accumulateAndGet(waited, Math::max);
                    if (waited >= 100) {
                        System.err.printf("heapscope watchdog: UI thread answered after %d ms (at %.1f s)%n", waited,
                                (answered.get() - STARTED) / 1e9);
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() > reportAt) {
                    reportAt = System.nanoTime() + 5_000_000_000L;
                    Runtime rt = Runtime.getRuntime();
                    long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
                    System.err.printf("heapscope watchdog: longest UI-thread wait %d ms in the last 5 s; heap %d MB;"
                            + " jobs %d%n", worst.getAndSet(0), used, background.busyProperty().get());
                }
            }
        }, "heapscope-watchdog");
        thread.setDaemon(true);
        thread.start();
    }
}
