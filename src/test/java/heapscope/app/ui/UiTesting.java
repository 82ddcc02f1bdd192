package heapscope.app.ui;

import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.main.MainWindowView;
import heapscope.app.ui.main.ViewKind;
import heapscope.app.ui.snapshot.RecentFiles;
import heapscope.app.ui.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import java.util.prefs.Preferences;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for the UI tests: a window on a stage, waiting for background work, reading grids (on the FX thread). */
final class UiTesting {
    private UiTesting() {
    }

    /** A main window in {@code stage}, shown, with its own background pools and test preferences (no recent files). */
    static MainWindowView startWindow(Stage stage, Background background) {
        RecentFiles recent = new RecentFiles(Preferences.userRoot().node("heapscope-test"));
        recent.clear();
        MainWindowView window = HeapscopeApp.createWindow(stage, background, recent, 1200, 800);
        stage.show();
        stage.requestFocus();
        return window;
    }

    /** Opens files as the arguments of the app do (in this order) and waits until they are loaded and shown. */
    static void openAndWait(MainWindowView window, List<Path> files) {
        onFx(() -> window.viewModel().openInOrder(files));
        waitUntil("the snapshots are loaded", () -> window.viewModel().snapshots().size() == files.size()
                && window.viewModel().snapshots().stream().allMatch(Snapshot::isReady));
        waitSettled(window);
    }

    /** Opens the demo series and waits until the 3-snapshot method is set up. */
    static void openDemoAndWait(MainWindowView window) {
        onFx(() -> window.viewModel().openDemo());
        waitUntil("three snapshots are loaded", () -> window.viewModel().snapshots().size() == 3
                && window.viewModel().snapshots().stream().allMatch(Snapshot::isReady));
        waitSettled(window);
    }

    /** Shows a view and waits until its rows are in. */
    static void showView(MainWindowView window, ViewKind kind) {
        onFx(() -> window.viewModel().viewProperty().set(kind));
        waitSettled(window);
    }

    /** A heap grid of the window by its id ({@code #summary-grid}). */
    @SuppressWarnings("unchecked")
    static TreeTableView<GridRow> grid(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TreeTableView.class);
    }

    /** Types {@code text} into Find (Ctrl+F's field), replacing what was there, and presses Enter. */
    static void find(FxRobot robot, String text) {
        javafx.scene.control.TextField field = robot.lookup("#search-field").queryAs(
                javafx.scene.control.TextField.class);
        onFx(() -> {
            field.requestFocus();
            field.setText(text);
            field.fireEvent(new javafx.event.ActionEvent());
        });
    }

    /** The grid's selected row. */
    static GridRow selectedRow(TreeTableView<GridRow> grid) {
        return onFx(() -> grid.getSelectionModel().getSelectedItem() == null ? null
                : grid.getSelectionModel().getSelectedItem().getValue());
    }

    /** The ordinal of the object a row shows, or -1. */
    static int ordinalOf(GridRow row) {
        return row instanceof GridRow.NodeItem item ? item.node().ordinal() : -1;
    }

    /** Evaluates on the JavaFX thread. */
    static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition} holds on the JavaFX thread. */
    static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until no snapshot is loading and no background job runs. */
    static void waitSettled(MainWindowView window) {
        waitUntil("everything is loaded", () -> window.viewModel().snapshots().stream()
                .noneMatch(s -> s.state() == Snapshot.State.LOADING)
                && window.viewModel().background().busyProperty().get() == 0);
    }

    /** The top-level rows of a grid. */
    static List<GridRow> topRows(TreeTableView<GridRow> table) {
        return onFx(() -> {
            List<GridRow> rows = new ArrayList<>();
            if (table.getRoot() != null) {
                table.getRoot().getChildren().forEach(c -> rows.add(c.getValue()));
            }
            return rows;
        });
    }

    /** The first top-level item whose row matches. */
    static TreeItem<GridRow> topItem(TreeTableView<GridRow> table, Predicate<GridRow> test) {
        return onFx(() -> table.getRoot().getChildren().stream().filter(c -> test.test(c.getValue())).findFirst()
                .orElseThrow(() -> new AssertionError("no such row")));
    }

    /** Labels of the expanded rows, depth first (what a user sees after scrolling through the grid). */
    static List<String> visibleLabels(TreeTableView<GridRow> table) {
        return onFx(() -> {
            List<String> labels = new ArrayList<>();
            if (table.getRoot() != null) {
                collect(table.getRoot(), labels);
            }
            return labels;
        });
    }

    private static void collect(TreeItem<GridRow> item, List<String> labels) {
        for (TreeItem<GridRow> child : item.getChildren()) {
            labels.add(child.getValue().label());
            if (child.isExpanded()) {
                collect(child, labels);
            }
        }
    }
}
