package heapscope.app.ui.main;

import heapscope.app.ui.common.Job;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The status bar: the shown snapshot's heap total, the newest running job with its progress and Cancel (and how many
 * more run), and the app's own memory, refreshed every two seconds while the window shows. Use on the JavaFX thread.
 */
final class StatusBar {
    private final MainWindowViewModel viewModel;
    private final HBox jobBox;
    private final ProgressBar jobProgress;
    private final Label jobLabel;
    private final Button jobCancel;
    private final Timeline memory;

    StatusBar(MainWindowViewModel viewModel, Label heapStatus, HBox jobBox, ProgressBar jobProgress, Label jobLabel,
            Button jobCancel, Label memoryStatus) {
        this.viewModel = viewModel;
        this.jobBox = jobBox;
        this.jobProgress = jobProgress;
        this.jobLabel = jobLabel;
        this.jobCancel = jobCancel;
        heapStatus.textProperty().bind(viewModel.heapStatusProperty());
        heapStatus.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new javafx.scene.control.Tooltip(viewModel.heapStatusProperty().get()),
                viewModel.heapStatusProperty()));
        memoryStatus.textProperty().bind(viewModel.memoryStatusProperty());
        viewModel.background().running().addListener((ListChangeListener<Job>) c -> showJob());
        showJob();
        viewModel.updateMemory();
        memory = new Timeline(new KeyFrame(Duration.seconds(2), e -> viewModel.updateMemory()));
        memory.setCycleCount(Timeline.INDEFINITE);
        // The timer lives as long as the window shows: a closed window leaves nothing ticking.
        heapStatus.sceneProperty().flatMap(scene -> scene.windowProperty()).flatMap(Window::showingProperty)
                .addListener((obs, was, showing) -> {
                    if (Boolean.TRUE.equals(showing)) {
                        memory.play();
                    } else {
                        memory.stop();
                    }
                });
    }

    private void showJob() {
        List<Job> running = viewModel.background().running();
        Job job = running.isEmpty() ? null : running.get(running.size() - 1);
        jobBox.setVisible(job != null);
        jobBox.setManaged(job != null);
        jobProgress.progressProperty().unbind();
        if (job != null) {
            jobProgress.progressProperty().bind(Bindings.when(job.progressProperty().lessThan(0))
                    .then(ProgressBar.INDETERMINATE_PROGRESS).otherwise(job.progressProperty()));
            jobLabel.setText(job.title() + (running.size() > 1 ? "  (+" + (running.size() - 1) + ")" : ""));
            jobCancel.setOnAction(e -> job.cancel());
        }
    }
}
