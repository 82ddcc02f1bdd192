package heapscope.app.ui.main;

import heapscope.parser.view.Units;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.graph.HeapFormat;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A snapshot in the sidebar: format icon, "Snapshot N", file name, file size and heap total; while loading, the
 * phase, a progress bar and Cancel.
 */
final class SnapshotCell extends ListCell<Snapshot> {
    private final Consumer<Snapshot> cancel;
    private final Label icon = new Label();
    private final Label title = new Label();
    private final Label file = new Label();
    private final Label sizes = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label phase = new Label();
    private final Button cancelButton = new Button("Cancel");
    private final HBox progressRow = new HBox(6, progress, cancelButton);
    private final VBox text = new VBox(1, title, file, sizes, phase, progressRow);
    private final HBox box = new HBox(8, icon, text);
    private final InvalidationListener update = o -> refresh();
    private Snapshot bound;

    SnapshotCell(Consumer<Snapshot> cancel) {
        this.cancel = cancel;
        icon.getStyleClass().add("format-icon");
        icon.setMinWidth(30);
        icon.setAlignment(Pos.CENTER);
        title.getStyleClass().add("snapshot-title");
        file.getStyleClass().add("snapshot-file");
        sizes.getStyleClass().add("snapshot-sizes");
        phase.getStyleClass().add("snapshot-phase");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.ALWAYS);
        cancelButton.getStyleClass().add("small-button");
        cancelButton.setOnAction(e -> {
            if (bound != null) {
                cancel.accept(bound);
            }
        });
        progressRow.setAlignment(Pos.CENTER_LEFT);
        box.setAlignment(Pos.TOP_LEFT);
    }

    @Override
    protected void updateItem(Snapshot snapshot, boolean empty) {
        super.updateItem(snapshot, empty);
        if (bound != null) {
            bound.stateProperty().removeListener(update);
            bound.phaseProperty().removeListener(update);
            bound.progressProperty().removeListener(update);
            bound.numberProperty().removeListener(update);
        }
        bound = empty ? null : snapshot;
        if (bound == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        bound.stateProperty().addListener(update);
        bound.phaseProperty().addListener(update);
        bound.progressProperty().addListener(update);
        bound.numberProperty().addListener(update);
        refresh();
        setGraphic(box);
    }

    private void refresh() {
        Snapshot s = bound;
        if (s == null) {
            return;
        }
        boolean hprof = s.format() == HeapFormat.HPROF || (s.format() == null
                && s.fileName().toLowerCase(Locale.ROOT).contains(".hprof"));
        icon.setText(hprof ? "JVM" : "JS");
        icon.getStyleClass().removeAll("format-v8", "format-hprof");
        icon.getStyleClass().add(hprof ? "format-hprof" : "format-v8");
        icon.setTooltip(new Tooltip(hprof ? "Java heap dump (.hprof)" : "V8 heap snapshot (.heapsnapshot)"));
        title.setText(s.title());
        file.setText(s.fileName());
        setTooltip(new Tooltip(s.file().toString()));
        String fileSize = s.fileSize() < 0 ? "" : Units.bytes(s.fileSize()) + " file";
        boolean loading = s.state() == Snapshot.State.LOADING;
        if (s.isReady()) {
            sizes.setText(fileSize + " \u00b7 heap " + Units.bytes(s.heap().totalSize()));
        } else {
            sizes.setText(fileSize);
        }
        double p = s.progressProperty().get();
        phase.setText(s.phaseProperty().get() + (loading && p >= 0 ? " " + Math.round(100 * p) + " %" : ""));
        phase.setVisible(!s.isReady());
        phase.setManaged(!s.isReady());
        progressRow.setVisible(loading);
        progressRow.setManaged(loading);
        progress.setProgress(s.progressProperty().get() < 0 ? ProgressBar.INDETERMINATE_PROGRESS
                : s.progressProperty().get());
    }
}
