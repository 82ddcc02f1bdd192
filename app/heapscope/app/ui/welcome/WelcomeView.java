package heapscope.app.ui.welcome;

import heapscope.app.ui.common.Fxml;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Code-behind of WelcomeView.fxml, the page shown while no snapshot is open: one click opens the bundled demo series
 * (and sets up the 3-snapshot method); recent files are listed below.
 */
public final class WelcomeView {
    private final Runnable openDemo;
    private final Runnable openFiles;
    private final Consumer<Path> openRecent;
    private Parent root;
    @FXML
    private VBox recentBox;

    public WelcomeView(Runnable openDemo, Runnable openFiles, Consumer<Path> openRecent) {
        this.openDemo = openDemo;
        this.openFiles = openFiles;
        this.openRecent = openRecent;
    }

    public Parent root() {
        if (root == null) {
            root = Fxml.load("WelcomeView", this);
        }
        return root;
    }

    /** Lists the recent files (newest first). */
    public void showRecent(List<Path> files) {
        root();
        recentBox.getChildren().clear();
        if (files.isEmpty()) {
            return;
        }
        Label title = new Label("Recent files");
        title.getStyleClass().add("section-title");
        recentBox.getChildren().add(title);
        for (Path file : files) {
            Hyperlink link = new Hyperlink(file.getFileName() + "   " + file.getParent());
            link.setOnAction(e -> openRecent.accept(file));
            recentBox.getChildren().add(link);
        }
    }

    @FXML
    private void openDemo() {
        openDemo.run();
    }

    @FXML
    private void openFiles() {
        openFiles.run();
    }
}
