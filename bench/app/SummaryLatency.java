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
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * How long the desktop app takes from a file being chosen to its Summary showing rows: opens the window, waits until
 * it has painted, then opens FILE as File > Open does and polls the Summary grid every 10 ms. Prints the time and
 * exits. The analysis cache is the app's own (File > Analysis cache...), so a second run shows the reopen.
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
                    var root = window.view(ViewKind.SUMMARY).grid().table().getRoot();
                    if (root != null && !root.getChildren().isEmpty()
                            && root.getChildren().get(0).getValue() instanceof GridRow.ClassRow) {
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
