package heapscope.app.ui.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.app.ui.common.DialogService;
import heapscope.parser.cache.AnalysisCache;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Analysis cache… on a cache folder of the test's own (the system property) and the test preferences node:
 * it shows the folder's use, sets the budget, clears the cache and turns the app's cache off and on.
 */
@ExtendWith(ApplicationExtension.class)
class CacheDialogTest {
    @TempDir
    Path temp;
    private Stage stage;
    private String folderProperty;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @BeforeEach
    void useATemporaryFolder() throws Exception {
        folderProperty = System.setProperty("heapscope.cache.dir", temp.toString());
        Files.write(temp.resolve("0123456789abcdef0123456789abcdef.hsindex"), new byte[1_500_000]);
        CacheSettings.setEnabled(true);
    }

    @AfterEach
    void restore() {
        if (folderProperty == null) {
            System.clearProperty("heapscope.cache.dir");
        } else {
            System.setProperty("heapscope.cache.dir", folderProperty);
        }
        CacheSettings.setEnabled(true);
    }

    @Test
    void theDialogShowsTheCacheSetsItsBudgetClearsItAndTurnsItOff(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> CacheDialog.show(new DialogService(stage, () -> { })));
        WaitForAsyncUtils.waitForFxEvents();
        Label usage = robot.lookup("#cache-usage").queryAs(Label.class);
        assertTrue(usage.getText().startsWith("Uses 1.5 MB of its budget"), usage.getText());

        TextField budget = robot.lookup("#cache-budget").queryAs(TextField.class);
        robot.interact(() -> {
            budget.setText("2.5");
            budget.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(2_500_000_000L, AnalysisCache.at(temp, n -> { }).budgetBytes());
        assertTrue(usage.getText().contains("budget of 2.5 GB."), usage.getText());

        robot.clickOn("#cache-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(usage.getText().startsWith("Uses 0.0 MB"), usage.getText());

        CheckBox enabled = robot.lookup("#cache-enabled").queryAs(CheckBox.class);
        assertTrue(enabled.isSelected());
        robot.clickOn("#cache-enabled");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(CacheSettings.enabled());
    }
}
