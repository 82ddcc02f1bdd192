import heapscope.app.ui.HeapscopeApp;
import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.main.MainWindowView;
import heapscope.app.ui.main.ViewKind;
import heapscope.app.ui.snapshot.RecentFiles;
import heapscope.parser.cache.AnalysisCache;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * How long the desktop app takes from a file being chosen to its Summary showing rows: opens the window, waits until
 * it has painted, then opens FILE as File > Open does and polls the Summary grid every 10 ms. Prints when the snapshot
 * is ready, when the grid has its class rows, and when the first of them is on screen (a pulse later: laid out, its
 * cells made), the time that counts; then exits. The analysis cache is the app's own (File > Analysis cache...), so a
 * second run shows the reopen.
 *
 * <p>Usage (needs a display; bench/app/summary-latency.sh runs it under Xvfb): {@code SummaryLatency FILE}
 */
public final class SummaryLatency {
    private SummaryLatency() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The app's main window, driven. */
    public static final class Window extends Application {
        private long chosen;
        private boolean rowsListed;

        /**
         * Whether a row of the grid is on screen with a class in it: laid out by a pulse, which makes its cells (the
         * grid's items alone are there a pulse earlier).
         */
        private static boolean showsClassRow(TreeTableView<GridRow> table) {
            return table.lookupAll(".tree-table-row-cell").stream().anyMatch(node -> node instanceof TreeTableRow<?> row
                    && row.isVisible() && !row.isEmpty() && row.getItem() instanceof GridRow.ClassRow);
        }

        @Override
        public void start(Stage stage) {
            Path file = Path.of(getParameters().getRaw().get(0));
            MainWindowView window = HeapscopeApp.createWindow(stage, new Background(),
                    new RecentFiles(Preferences.userRoot().node("heapscope-bench")), 1280, 820);
            stage.show();
            Timeline painted = new Timeline(new KeyFrame(Duration.millis(1000), e -> {
                chosen = System.nanoTime();
                window.viewModel().open(List.of(file)).get(0).stateProperty().addListener((o, was, is) ->
                        System.out.printf("  snapshot %s %.0f ms after the file was chosen%n", is,
                                (System.nanoTime() - chosen) / 1e6));
                Timeline poll = new Timeline(new KeyFrame(Duration.millis(10), t -> {
                    TreeTableView<GridRow> table = window.view(ViewKind.SUMMARY).grid().table();
                    var root = table.getRoot();
                    if (!rowsListed && root != null && !root.getChildren().isEmpty()
                            && root.getChildren().get(0).getValue() instanceof GridRow.ClassRow) {
                        rowsListed = true;
                        System.out.printf("  rows listed in the grid %.0f ms after the file was chosen%n",
                                (System.nanoTime() - chosen) / 1e6);
                    }
                    if (rowsListed && showsClassRow(table)) {
                        System.out.printf("Summary showed %d rows %.0f ms after the file was chosen%n",
                                root.getChildren().size(), (System.nanoTime() - chosen) / 1e6);
                        // The app writes the cache entry in the background while the user works; wait for it.
                        AnalysisCache.finishWrites();
                        Platform.exit();
                        System.exit(0);
                    }
                }));
                poll.setCycleCount(Timeline.INDEFINITE);
                poll.play();
            }));
            painted.play();
        }
    }
}
