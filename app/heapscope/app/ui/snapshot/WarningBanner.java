package heapscope.app.ui.snapshot;

import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A banner over the views while the selected snapshot has reader warnings (a dump cut short, no GC roots, a damaged
 * gzip member, ...): the first warning in full, the others behind "+N more", so that numbers from a damaged file are
 * never shown as if it were whole. Hidden (and taking no space) otherwise. Self-contained, styled inline, so it can
 * be put anywhere; use on the JavaFX thread.
 */
public final class WarningBanner extends HBox {
    private final Label text = new Label();
    private final Hyperlink more = new Hyperlink();
    private final ChangeListener<Snapshot.State> stateListener = (obs, was, is) -> refresh();
    private Snapshot shown;
    private boolean expanded;

    public WarningBanner(ObservableValue<Snapshot> selected) {
        setId("warning-banner");
        setSpacing(8);
        setStyle("-fx-background-color: #fff4e5; -fx-border-color: #f0b45a; -fx-border-width: 0 0 1 0;"
                + " -fx-padding: 6 10 6 10;");
        text.setId("warning-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setStyle("-fx-text-fill: #7a4100;");
        HBox.setHgrow(text, Priority.ALWAYS);
        more.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        more.setOnAction(e -> {
            expanded = !expanded;
            refresh();
        });
        getChildren().addAll(text, more);
        selected.addListener((obs, was, is) -> show(is));
        show(selected.getValue());
    }

    private void show(Snapshot snapshot) {
        if (shown != null) {
            shown.stateProperty().removeListener(stateListener);
        }
        shown = snapshot;
        expanded = false;
        if (snapshot != null) {
            snapshot.stateProperty().addListener(stateListener);
        }
        refresh();
    }

    private void refresh() {
        List<String> warnings = shown != null && shown.isReady() ? shown.heap().graph().fileNotes().warnings()
                : List.of();
        setVisible(!warnings.isEmpty());
        setManaged(!warnings.isEmpty());
        if (warnings.isEmpty()) {
            return;
        }
        String head = "\u26a0 " + shown.title() + " (" + shown.fileName() + ") "
                + (warnings.size() == 1 ? "has a warning: " : "has " + warnings.size() + " warnings: ");
        text.setText(expanded ? head + "\n\u2022 " + String.join("\n\u2022 ", warnings) : head + warnings.get(0));
        more.setVisible(warnings.size() > 1);
        more.setManaged(warnings.size() > 1);
        more.setText(expanded ? "Show less" : "+" + (warnings.size() - 1) + " more");
    }
}
