package heapscope.app.ui;

import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.main.MainWindowView;
import heapscope.app.ui.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for the UI tests: waiting for background work and reading grids (on the JavaFX thread). */
final class UiTesting {
    private UiTesting() {
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
