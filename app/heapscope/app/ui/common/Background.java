package heapscope.app.ui.common;

import heapscope.parser.progress.CanceledException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs the app's work off the JavaFX thread and hands results back on it. Separate pools, so that opening files never
 * starves the views: {@code loads} (two threads: two snapshots load while the user works on a third),
 * {@code queries} (the views' sorting, paging and aggregation) and {@code captures} (one thread: taking a snapshot
 * of a running program, which must not wait behind the loads of the snapshots taken before it). Results of canceled
 * jobs are dropped. The list of running jobs feeds the status bar. Create and use on the JavaFX thread.
 */
public final class Background {
    private final ExecutorService loads;
    private final ExecutorService queries;
    private final ExecutorService captures;
    private final ObservableList<Job> running = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper();
    private final AtomicInteger pending = new AtomicInteger();

    public Background() {
        this.loads = Executors.newFixedThreadPool(2, daemon("heapscope-load"));
        this.queries = Executors.newFixedThreadPool(2, daemon("heapscope-query"));
        this.captures = Executors.newSingleThreadExecutor(daemon("heapscope-capture"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }

    /** Runs a view's query; {@code onSuccess} gets its result on the JavaFX thread unless the job was canceled. */
    public <T> Job query(String title, Function<Job, T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(queries, new Job(title), work, onSuccess, onFailure);
    }

    /** Runs a long load with its own job (which the caller shows with its progress). */
    public <T> Job load(Job job, Function<Job, T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(loads, job, work, onSuccess, onFailure);
    }

    /** Takes a snapshot of a running program with its own job (the capture dialog shows its progress). */
    public <T> Job capture(Job job, Function<Job, T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(captures, job, work, onSuccess, onFailure);
    }

    private <T> Job submit(ExecutorService pool, Job job, Function<Job, T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        running.add(job);
        busy.set(pending.incrementAndGet());
        pool.execute(() -> {
            T result = null;
            Throwable failure = null;
            try {
                result = work.apply(job);
            } catch (Throwable t) {
                failure = t;
            }
            T value = result;
            Throwable error = failure;
            Platform.runLater(() -> {
                running.remove(job);
                busy.set(pending.decrementAndGet());
                if (job.isCanceled() || error instanceof CanceledException) {
                    onFailure.accept(error instanceof CanceledException ? error : new CanceledException());
                    return;
                }
                if (error != null) {
                    onFailure.accept(error);
                } else {
                    onSuccess.accept(value);
                }
            });
        });
        return job;
    }

    /** Jobs not finished yet, oldest first. */
    public ObservableList<Job> running() {
        return running;
    }

    /** How many jobs are queued or running; 0 when everything asked for has arrived. */
    public ReadOnlyIntegerProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void shutdown() {
        running.forEach(Job::cancel);
        loads.shutdownNow();
        queries.shutdownNow();
        captures.shutdownNow();
    }
}
