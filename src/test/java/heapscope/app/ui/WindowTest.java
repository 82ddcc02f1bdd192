package heapscope.app.ui;

import heapscope.app.ui.common.Background;
import heapscope.app.ui.main.MainWindowView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A UI test on a real main window, shown headless (Monocle), with its own background pools. TestFX calls only the
 * test class's own {@code @Start} method, which calls {@link #show}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    protected MainWindowView window;
    protected Background background;
    protected Stage stage;

    protected void show(Stage stage) {
        this.stage = stage;
        background = new Background();
        window = UiTesting.startWindow(stage, background);
    }

    @AfterEach
    void stopBackground() {
        background.shutdown();
    }
}
