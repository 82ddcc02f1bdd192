package heapscope.app.ui;

import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.main.MainWindowView;
import heapscope.app.ui.main.ViewKind;
import heapscope.app.ui.snapshot.Snapshot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * {@code --screenshot OUT.png}: waits until every snapshot has loaded and no background job runs (for a moment),
 * chooses the object filter named by {@code --filter} once it is offered, optionally expands the top row of the view
 * and selects its first object ({@code --expand-top}), then writes a PNG of the whole window and exits (status 0, or 1
 * when something failed to load or the wait timed out).
 */
final class Screenshot {
    private static final int QUIET_TICKS = 4;
    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final MainWindowView window;
    private final Stage stage;
    private final AppOptions options;
    private final long started = System.currentTimeMillis();
    private Timeline timer;
    private int quiet;
    private int step;

    Screenshot(MainWindowView window, Stage stage, AppOptions options) {
        this.window = window;
        this.stage = stage;
        this.options = options;
    }

    void start() {
        timer = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    private void tick() {
        if (System.currentTimeMillis() - started > TIMEOUT_MILLIS) {
            finish(1, "timed out waiting for the window to settle");
            return;
        }
        boolean loading = window.viewModel().snapshots().stream().anyMatch(s -> s.state() == Snapshot.State.LOADING);
        boolean settled = !loading && window.viewModel().background().busyProperty().get() == 0
                && !window.viewModel().hintProperty().get().endsWith("Loading\u2026");
        quiet = settled ? quiet + 1 : 0;
        if (quiet < QUIET_TICKS) {
            return;
        }
        quiet = 0;
        if (options.filter() != null && !chooseFilter()) {
            return;
        }
        if (options.expandTop() && step < 3 && expandStep()) {
            step++;
            return;
        }
        write();
    }

    /** Whether the --filter option is chosen (choosing it now if it is offered; the view then reloads). */
    private boolean chooseFilter() {
        var filter = window.viewModel().filterOptionProperty();
        if (filter.get().label().equals(options.filter())) {
            return true;
        }
        window.viewModel().filterOptions().stream().filter(o -> o.label().equals(options.filter())).findFirst()
                .ifPresent(filter::set);
        return false;
    }

    /** One step of --expand-top: expand the first row, then select its first child object. */
    private boolean expandStep() {
        ViewKind kind = window.viewModel().viewProperty().get();
        if (window.view(kind).grid() == null) {
            return false;
        }
        TreeTableView<GridRow> table = window.view(kind).grid().table();
        TreeItem<GridRow> root = table.getRoot();
        if (root == null || root.getChildren().isEmpty()) {
            return false;
        }
        TreeItem<GridRow> top = root.getChildren().get(0);
        if (step == 0) {
            top.setExpanded(true);
            return true;
        }
        if (step == 1 && !top.getChildren().isEmpty()) {
            table.getSelectionModel().select(top.getChildren().get(0));
            return true;
        }
        return false;
    }

    private void write() {
        timer.stop();
        try {
            WritableImage image = stage.getScene().snapshot(null);
            ImageIO.write(toBufferedImage(image), "png", options.screenshot().toFile());
            System.err.println("heapscope: wrote " + options.screenshot());
            boolean failed = window.viewModel().snapshots().size() < options.files().size()
                    + (options.demo() ? 3 : 0);
            finish(failed ? 1 : 0, failed ? "some files could not be opened" : null);
        } catch (IOException | RuntimeException e) {
            finish(1, "cannot write " + options.screenshot() + ": " + e.getMessage());
        }
    }

    static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        return out;
    }

    private void finish(int status, String message) {
        if (timer != null) {
            timer.stop();
        }
        if (message != null) {
            System.err.println("heapscope: " + message);
        }
        Platform.exit();
        System.exit(status);
    }
}
