package heapscope.app.ui;

import static heapscope.app.ui.UiTesting.grid;
import static heapscope.app.ui.UiTesting.onFx;
import static heapscope.app.ui.UiTesting.openDemoAndWait;
import static heapscope.app.ui.UiTesting.topItem;
import static heapscope.app.ui.UiTesting.waitSettled;
import static heapscope.app.ui.UiTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** No dead ends: every path a user takes leads somewhere that says what it is doing or what went wrong. */
class DeadEndsTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    private final AtomicBoolean quit = new AtomicBoolean();

    @BeforeEach
    void listenForQuit() {
        window.setOnQuit(() -> quit.set(true));
    }

    @Test
    void exportWritesEveryColumnTheGridShowsTheCountIncluded(FxRobot robot, @TempDir Path dir) throws Exception {
        openDemoAndWait(window);
        ExportTable table = onFx(() -> window.currentTable());
        assertEquals(List.of("depth", "Constructor", "Count", "Distance", "Shallow Size", "Retained Size"),
                table.header());
        assertEquals(List.of("0", "LeakyItem", "400", "11", "22400", "172800"), table.rows().get(0));
        Path csv = dir.resolve("summary.csv");
        table.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("depth,Constructor,Count,Distance,Shallow Size,Retained Size", lines.get(0));
        assertEquals("0,LeakyItem,400,11,22400,172800", lines.get(1));
    }

    @Test
    void snapshotOneCannotMoveUpNorTheLastOneDown(FxRobot robot) {
        openDemoAndWait(window);
        ListView<Snapshot> list = robot.lookup("#snapshot-list").queryListView();
        ContextMenu menu = onFx(list::getContextMenu);
        MenuItem up = menu.getItems().stream().filter(i -> "move-up".equals(i.getId())).findFirst().orElseThrow();
        MenuItem down = menu.getItems().stream().filter(i -> "move-down".equals(i.getId())).findFirst()
                .orElseThrow();
        for (int index = 0; index < 3; index++) {
            int at = index;
            onFx(() -> list.getSelectionModel().select(at));
            onFx(() -> list.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, 100, 100,
                    false, null)));
            waitUntil("the menu shows", () -> menu.isShowing());
            assertEquals(at == 0, onFx(up::isDisable), "Move up on Snapshot " + (at + 1));
            assertEquals(at == 2, onFx(down::isDisable), "Move down on Snapshot " + (at + 1));
            onFx(menu::hide);
        }
    }

    @Test
    void anErrorDialogFitsTheScreenAndQuitStillWorks(FxRobot robot, @TempDir Path dir) throws Exception {
        // A file cut inside its symbol table: the reader's sentence is long and names the byte where it stopped.
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz"));
        Path cut = dir.resolve("cut-short.hprof.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 5));
        onFx(() -> window.viewModel().open(List.of(cut)));
        waitUntil("the error shows", () -> robot.lookup("#error-sentence").tryQuery().isPresent());
        Label sentence = robot.lookup("#error-sentence").queryAs(Label.class);
        assertTrue(sentence.getText().startsWith("cut-short.hprof.gz: "), sentence.getText());
        DialogPane pane = (DialogPane) onFx(() -> sentence.getScene().getRoot());
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        javafx.stage.Window dialog = onFx(() -> pane.getScene().getWindow());
        assertTrue(onFx(dialog::getWidth) <= screen.getWidth(), "as wide as the screen at most");
        assertTrue(onFx(dialog::getX) >= screen.getMinX() && onFx(() -> dialog.getX() + dialog.getWidth())
                <= screen.getMaxX(), "on the screen");
        assertTrue(onFx(sentence::getWidth) <= 520, "the sentence wraps: " + onFx(sentence::getWidth));
        assertEquals("Cannot open cut-short.hprof.gz", onFx(pane::getHeaderText));

        onFx(() -> pane.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Q, false, true, false, false)));
        assertTrue(quit.get(), "Ctrl+Q quits while the dialog is open");
        assertFalse(onFx(dialog::isShowing));
    }

    @Test
    void filesGivenAsArgumentsShowTheirLoadingStateAtOnce(FxRobot robot) {
        Path file = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz");
        AppOptions options = AppOptions.parse(List.of(file.toString()));
        // What the window shows right after the app opened its arguments, in the same pulse: no welcome page.
        List<Object> state = onFx(() -> {
            HeapscopeApp.open(window, stage, options);
            Snapshot s = window.viewModel().snapshots().get(0);
            return List.of(robot.lookup("#welcome").tryQuery().isPresent(), s.state(), s.fileName());
        });
        assertEquals(List.of(false, Snapshot.State.LOADING, "jdk25-small.hprof.gz"), state);
        waitUntil("it loads", () -> window.viewModel().snapshots().get(0).isReady());
        waitSettled(window);
    }

    @Test
    void helpShowsTheReadmesSections(FxRobot robot) {
        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        waitUntil("the help shows", () -> robot.lookup("#help-text").tryQuery().isPresent());
        String text = robot.lookup("#help-text").queryAs(TextArea.class).getText();
        assertTrue(text.contains("| Ctrl+F | Find"), text);
        assertTrue(text.contains("| Ctrl+Q | quit"), text);
        robot.clickOn("OK");
        robot.clickOn("Help").clickOn("The command line");
        waitUntil("the CLI help shows", () -> robot.lookup("#help-text").tryQuery().isPresent());
        assertTrue(robot.lookup("#help-text").queryAs(TextArea.class).getText().contains("heapscope summary FILE"));
        robot.clickOn("OK");
    }

    @Test
    void ignoringARetainerSaysWhatItChanges(FxRobot robot) {
        openDemoAndWait(window);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        TreeItem<GridRow> leaky = topItem(summary, r -> r.label().equals("LeakyItem"));
        onFx(() -> leaky.setExpanded(true));
        waitSettled(window);
        onFx(() -> summary.getSelectionModel().select(leaky.getChildren().get(0)));
        waitSettled(window);
        TreeTableView<GridRow> retainers = grid(robot, "#retainers-grid");
        waitUntil("the retainers show", () -> retainers.getRoot() != null && !retainers.getRoot().getChildren()
                .isEmpty() && retainers.getRoot().getChildren().get(0).getValue() instanceof GridRow.NodeItem);
        Label note = robot.lookup("#ignored-note").queryAs(Label.class);
        assertFalse(onFx(note::isVisible));
        onFx(() -> retainers.getSelectionModel().select(retainers.getRoot().getChildren().get(0)));
        onFx(() -> retainers.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, 400,
                600, false, null)));
        robot.clickOn("Ignore this retainer");
        waitSettled(window);
        waitUntil("the note shows", () -> note.isVisible());
        assertEquals("Ignoring 1 retainer: distances in this pane are counted without it; the views above keep the"
                + " snapshot's distances.", onFx(note::getText));
        robot.clickOn("Restore ignored retainers");
        waitSettled(window);
        waitUntil("the note goes", () -> !note.isVisible());
    }
}
