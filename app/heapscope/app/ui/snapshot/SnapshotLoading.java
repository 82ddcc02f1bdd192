package heapscope.app.ui.snapshot;

import heapscope.app.ui.cache.CacheSettings;
import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.Job;
import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Opens a snapshot in the background: the engine's {@link HeapLoader} on a load thread, its phases and progress
 * forwarded to the snapshot's properties (at most ten updates a second), Cancel through the job's cancel signal.
 */
public final class SnapshotLoading {
    private SnapshotLoading() {
    }

    public static Job start(Snapshot snapshot, Background background, Consumer<Snapshot> onLoaded,
            BiConsumer<Snapshot, Throwable> onFailed) {
        Job job = new Job("Opening " + snapshot.fileName());
        job.progressProperty().bind(snapshot.progressProperty());
        snapshot.loading(job);
        long started = System.nanoTime();
        background.load(job, j -> load(snapshot, j), heap -> {
            if (snapshot.state() == Snapshot.State.CLOSED) {
                return;
            }
            snapshot.loaded(heap, (System.nanoTime() - started) / 1_000_000);
            onLoaded.accept(snapshot);
        }, error -> {
            if (snapshot.state() == Snapshot.State.CLOSED) {
                return;
            }
            snapshot.failed(error instanceof CanceledException ? "Canceled" : "Could not open");
            onFailed.accept(snapshot, error);
        });
        return job;
    }

    private static AnalyzedHeap load(Snapshot snapshot, Job job) {
        try {
            return HeapLoader.load(snapshot.file(), CacheSettings.cache(), new Forwarder(snapshot), job);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LoadFailure(e);
        }
    }

    /** Carries a checked failure of the loader to the JavaFX thread. */
    public static final class LoadFailure extends RuntimeException {
        LoadFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Hears the engine on the load thread and updates the snapshot on the JavaFX thread, throttled. */
    private static final class Forwarder implements ProgressListener {
        private final Snapshot snapshot;
        private long lastPost;

        Forwarder(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public void phaseStarted(Phase phase) {
            lastPost = System.nanoTime();
            Platform.runLater(() -> {
                if (snapshot.state() == Snapshot.State.LOADING) {
                    snapshot.phaseProperty().set(phase.label());
                    snapshot.progressProperty().set(-1);
                }
            });
        }

        @Override
        public void progress(long done, long total) {
            long now = System.nanoTime();
            if (total <= 0 || now - lastPost < 100_000_000L) {
                return;
            }
            lastPost = now;
            double value = Math.min(1.0, (double) done / total);
            Platform.runLater(() -> {
                if (snapshot.state() == Snapshot.State.LOADING) {
                    snapshot.progressProperty().set(value);
                }
            });
        }
    }
}
