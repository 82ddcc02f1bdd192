package heapscope.app.ui.capture;

import heapscope.app.capture.CaptureException;
import heapscope.app.capture.CaptureProgress;
import heapscope.app.capture.CaptureSession;
import heapscope.app.capture.CaptureTarget;
import heapscope.app.capture.CapturedSnapshot;
import heapscope.app.capture.LocalTargets;
import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.Job;
import heapscope.app.ui.common.Sizes;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.progress.CanceledException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Take snapshot dialog's state and commands: the targets found on this machine, the chosen one, the folder, and
 * taking snapshots of it. "Take snapshot" adds each new file to the end of the open series; the 3-snapshot method
 * takes one, waits for the user to do the suspect action, takes the second, waits again, takes the third, and has the
 * main window show the third with "Objects allocated between" the first and the second. Captures run on the
 * background's capture thread with progress and Cancel. No controls. Use on the JavaFX thread.
 */
public final class CaptureViewModel {
    private final Background background;
    private final MainWindowViewModel main;
    private final ObservableList<CaptureTarget> targets = FXCollections.observableArrayList();
    private final ObjectProperty<CaptureTarget> selected = new SimpleObjectProperty<>();
    private final StringProperty folder = new SimpleStringProperty(defaultFolder().toString());
    private final BooleanProperty gzip = new SimpleBooleanProperty();
    private final BooleanProperty listing = new SimpleBooleanProperty();
    private final BooleanProperty capturing = new SimpleBooleanProperty();
    private final BooleanProperty awaitingAction = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty();
    private final StringProperty instructions = new SimpleStringProperty("");
    private final StringProperty continueText = new SimpleStringProperty("Take snapshot 2");
    private final BooleanBinding canStart = Bindings.createBooleanBinding(
            () -> !capturing.get() && !awaitingAction.get() && selected.get() != null
                    && selected.get().problem() == null, capturing, awaitingAction, selected);
    /** The snapshots the running 3-snapshot method has taken so far; null when none is running. */
    private List<Snapshot> method;
    /** The target of the running 3-snapshot method (the selection may move meanwhile). */
    private CaptureTarget methodTarget;
    private CaptureSession session;
    private CaptureTarget sessionTarget;
    private Job job;

    public CaptureViewModel(Background background, MainWindowViewModel main) {
        this.background = background;
        this.main = main;
        selected.addListener((obs, was, is) -> {
            if (is != null && is.problem() != null && !capturing.get()) {
                showStatus("Cannot take a snapshot of " + is.label() + ": " + is.problem(), true);
            } else if (!capturing.get()) {
                showStatus("", false);
            }
        });
    }

    /** Where snapshots go unless the user chooses: Documents/Heapscope in the home folder (or Heapscope there). */
    static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return (Files.isDirectory(documents) ? documents : home).resolve("Heapscope");
    }

    public ObservableList<CaptureTarget> targets() {
        return targets;
    }

    public ObjectProperty<CaptureTarget> selectedProperty() {
        return selected;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public BooleanProperty gzipProperty() {
        return gzip;
    }

    /** Whether the targets are being looked for. */
    public BooleanProperty listingProperty() {
        return listing;
    }

    /** Whether a snapshot is being taken. */
    public BooleanProperty capturingProperty() {
        return capturing;
    }

    /** Whether the 3-snapshot method waits for the user's action before its next snapshot. */
    public BooleanProperty awaitingActionProperty() {
        return awaitingAction;
    }

    /** Progress of the current step, 0 to 1, or -1 when unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** One line: what is happening, what was taken, or why it failed. */
    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty statusIsErrorProperty() {
        return statusIsError;
    }

    /** What the 3-snapshot method asks of the user now; empty outside it. */
    public StringProperty instructionsProperty() {
        return instructions;
    }

    /** The label of the button that takes the method's next snapshot ("Take snapshot 2"). */
    public StringProperty continueTextProperty() {
        return continueText;
    }

    /** Whether "Take snapshot" and "3-snapshot method" can start now. */
    public BooleanBinding canStartBinding() {
        return canStart;
    }

    /** Looks for targets in the background; the selection is kept when its process is still there. */
    public void refresh() {
        if (listing.get()) {
            return;
        }
        listing.set(true);
        background.query("Looking for running programs", j -> LocalTargets.list(), found -> {
            listing.set(false);
            CaptureTarget was = selected.get();
            targets.setAll(found);
            selected.set(was == null ? null : found.stream().filter(t -> t.id().equals(was.id())
                    || t.pid() > 0 && t.pid() == was.pid() && t.kind().equals(was.kind())).findFirst().orElse(null));
        }, error -> {
            listing.set(false);
            showStatus("Cannot list the running programs: " + error.getMessage(), true);
        });
    }

    /** Takes one snapshot of the selected target and adds it to the end of the series. */
    public void takeSnapshot() {
        if (canStart.get()) {
            take(selected.get(), snapshot -> { });
        }
    }

    /** Starts the 3-snapshot method: snapshot 1 now, the next two after the user's action. */
    public void startThreeSnapshotMethod() {
        if (!canStart.get()) {
            return;
        }
        method = new ArrayList<>();
        methodTarget = selected.get();
        instructions.set("The 3-snapshot method: taking snapshot 1 of 3\u2026");
        take(methodTarget, this::methodTook);
    }

    /** Takes the method's next snapshot, once the user has done the action. */
    public void continueMethod() {
        if (method == null || !awaitingAction.get()) {
            return;
        }
        awaitingAction.set(false);
        instructions.set("The 3-snapshot method: taking snapshot " + (method.size() + 1) + " of 3\u2026");
        take(methodTarget, this::methodTook);
    }

    /** Cancels the snapshot being taken, or stops the 3-snapshot method while it waits. */
    public void cancel() {
        if (capturing.get() && job != null) {
            job.cancel();
        } else if (awaitingAction.get()) {
            stopMethod("The 3-snapshot method was stopped; the snapshots taken stay open.");
        }
    }

    private void methodTook(Snapshot snapshot) {
        method.add(snapshot);
        if (method.size() < 3) {
            awaitingAction.set(true);
            continueText.set("Take snapshot " + (method.size() + 1));
            instructions.set(method.size() == 1
                    ? "Snapshot 1 is taken. Now do the action you suspect leaks in the program (open and close a "
                            + "view, send the request, ...), then press \u201cTake snapshot 2\u201d."
                    : "Snapshot 2 is taken. Do the same action again, then press \u201cTake snapshot 3\u201d.");
            return;
        }
        main.showThreeSnapshotMethod(method);
        method = null;
        instructions.set("The three snapshots are taken: once they are loaded, the main window shows the last one with"
                + " the objects allocated between the first and the second.");
    }

    private void stopMethod(String why) {
        method = null;
        awaitingAction.set(false);
        instructions.set(why);
    }

    private void take(CaptureTarget target, Consumer<Snapshot> then) {
        CaptureSession current = session(target);
        job = new Job("Taking a snapshot of " + current.target().label());
        capturing.set(true);
        progress.set(-1);
        showStatus("Starting\u2026", false);
        Forwarder forwarder = new Forwarder();
        // A snapshot written just before Cancel arrives is dropped with the job's result: its file must go too.
        AtomicReference<CapturedSnapshot> written = new AtomicReference<>();
        background.capture(job, j -> {
            try {
                CapturedSnapshot captured = current.takeNext(forwarder, j);
                written.set(captured);
                return captured;
            } catch (CaptureException e) {
                throw new CaptureFailure(e);
            }
        }, captured -> {
            capturing.set(false);
            progress.set(1);
            Snapshot snapshot = main.openInOrder(List.of(captured.file())).get(0);
            showStatus(snapshot.title() + " taken: " + captured.file().getFileName() + ", "
                    + Sizes.human(captured.bytes()) + " in " + seconds(captured) + ".", false);
            then.accept(snapshot);
        }, error -> {
            capturing.set(false);
            progress.set(0);
            boolean canceled = error instanceof CanceledException;
            if (canceled && written.get() != null) {
                CaptureSession.discard(written.get());
            }
            showStatus(canceled ? "Canceled: no file was left behind." : error.getMessage(), !canceled);
            if (method != null) {
                stopMethod("The 3-snapshot method was stopped; the snapshots taken stay open.");
            }
        });
    }

    /** One session per target, folder and compression, so that files of one series are numbered in order. */
    private CaptureSession session(CaptureTarget target) {
        Path chosen = Path.of(folder.get().trim());
        if (session == null || sessionTarget != target || !session.folder().equals(chosen.toAbsolutePath()
                .normalize()) || sessionGzip != gzip.get()) {
            if (session != null) {
                session.close();
            }
            session = new CaptureSession(target, chosen, gzip.get());
            sessionTarget = target;
            sessionGzip = gzip.get();
        }
        return session;
    }

    private boolean sessionGzip;

    private static String seconds(CapturedSnapshot captured) {
        return String.format(Locale.ROOT, "%.1f s", captured.millis() / 1000.0);
    }

    private void showStatus(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }

    /** Carries a capture's one-sentence failure to the JavaFX thread. */
    private static final class CaptureFailure extends RuntimeException {
        CaptureFailure(CaptureException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Hears the capture on its thread and updates the status line on the JavaFX thread, ten times a second at most. */
    private final class Forwarder implements CaptureProgress {
        private volatile String step = "";
        private long lastPost;

        @Override
        public void step(String text) {
            step = text;
            lastPost = System.nanoTime();
            Platform.runLater(() -> {
                if (capturing.get()) {
                    showStatus(text, false);
                    progress.set(-1);
                }
            });
        }

        @Override
        public void progress(long done, long total) {
            long now = System.nanoTime();
            if (now - lastPost < 100_000_000L) {
                return;
            }
            lastPost = now;
            String text = total > 0 ? step : step + " " + Sizes.human(done);
            double value = total > 0 ? Math.min(1.0, (double) done / total) : -1;
            Platform.runLater(() -> {
                if (capturing.get()) {
                    showStatus(text, false);
                    progress.set(value);
                }
            });
        }
    }
}
