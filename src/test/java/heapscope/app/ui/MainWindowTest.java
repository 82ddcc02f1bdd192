package heapscope.app.ui;

import static heapscope.app.ui.UiTesting.onFx;
import static heapscope.app.ui.UiTesting.topItem;
import static heapscope.app.ui.UiTesting.topRows;
import static heapscope.app.ui.UiTesting.visibleLabels;
import static heapscope.app.ui.UiTesting.waitSettled;
import static heapscope.app.ui.UiTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.main.MainWindowView;
import heapscope.app.ui.main.ViewKind;
import heapscope.app.ui.snapshot.RecentFiles;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.ClassAggregate;
import heapscope.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real window headless (Monocle) on the real demo series, as a user finds the leak: open the demo, choose
 * "Objects allocated between Snapshot 1 and Snapshot 2", see LeakyItem at the top, select an instance, read
 * {@code leakyData} in Retainers. The numbers on screen are checked against DevTools' for the same file and filter.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String BETWEEN_1_AND_2 = "Objects allocated between Snapshot 1 and Snapshot 2";
    private MainWindowView window;
    private Background background;

    @Start
    void start(Stage stage) {
        background = new Background();
        Preferences preferences = Preferences.userRoot().node("heapscope-test");
        RecentFiles recent = new RecentFiles(preferences);
        recent.clear();
        window = HeapscopeApp.createWindow(stage, background, recent, 1200, 800);
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void stop() {
        background.shutdown();
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<GridRow> grid(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TreeTableView.class);
    }

    @Test
    void theDemoSeriesFindsTheLeakWithTheThreeSnapshotMethod(FxRobot robot) throws Exception {
        robot.clickOn("#demo-button");
        waitUntil("three snapshots are loaded", () -> window.viewModel().snapshots().size() == 3
                && window.viewModel().snapshots().stream().allMatch(Snapshot::isReady));
        waitSettled(window);

        // Start from all objects, as a user who has not chosen a filter yet.
        robot.clickOn("#object-filter").clickOn("All objects");
        waitSettled(window);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        assertFalse(topRows(summary).get(0).label().equals("LeakyItem"));

        robot.clickOn("#object-filter").clickOn(BETWEEN_1_AND_2);
        waitSettled(window);
        List<GridRow> rows = topRows(summary);
        ClassAggregate top = ((GridRow.ClassRow) rows.get(0)).aggregate();
        assertEquals("LeakyItem", top.name());

        // Every class row equals DevTools' Summary of leak-3 under the same filter.
        JsonNode expected = new ObjectMapper().readTree(Fixtures.V8.resolve("demo/leak-3.allocated-1-2.summary.json")
                .toFile()).get("classes");
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ClassAggregate shown = ((GridRow.ClassRow) rows.get(i)).aggregate();
            JsonNode want = expected.get(i);
            assertEquals(want.get("key").asText(), shown.key());
            assertEquals(want.get("count").asLong(), shown.count());
            assertEquals(want.get("distance").asInt(), shown.distance());
            assertEquals(want.get("shallowSize").asLong(), shown.shallowSize());
            assertEquals(want.get("retainedSize").asLong(), shown.retainedSize());
        }

        // Expand LeakyItem with the keyboard and select its first instance.
        TreeItem<GridRow> leaky = topItem(summary, r -> r.label().equals("LeakyItem"));
        robot.clickOn(robot.lookup(".class-name").match(n -> ((javafx.scene.text.Text) n).getText()
                .equals("LeakyItem")).queryAs(javafx.scene.Node.class)).type(KeyCode.RIGHT);
        waitSettled(window);
        assertEquals(400, onFx(() -> ((PagedTreeItemAccess) () -> leaky).childCount()));
        robot.type(KeyCode.DOWN);
        waitSettled(window);
        GridRow selected = onFx(() -> summary.getSelectionModel().getSelectedItem().getValue());
        assertTrue(selected instanceof GridRow.NodeItem item && item.node().className().equals("LeakyItem"),
                String.valueOf(selected));

        // The Retainers pane has the shortest path expanded: the array element, then leakyData.
        TreeTableView<GridRow> retainers = grid(robot, "#retainers-grid");
        waitUntil("the retainer path is expanded", () -> visibleLabels(retainers).stream()
                .anyMatch(l -> l.startsWith("leakyData :: ")));
        List<String> labels = visibleLabels(retainers);
        assertTrue(labels.get(0).matches("\\[\\d+\\] :: Array @\\d+"), labels.toString());
        assertTrue(labels.get(1).startsWith("leakyData :: system / Context @"), labels.toString());
        assertTrue(robot.lookup("leakyData").tryQuery().isPresent(), "leakyData is on screen");
    }

    @Test
    void aBadFileShowsWhatIsWrongInOneSentence(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.heapsnapshot");
        Files.writeString(bad, "{\"snapshot\":{\"meta\":{\"node_fields\":[\"type\"]");
        onFx(() -> window.viewModel().open(List.of(bad)));
        waitUntil("the error shows", () -> robot.lookup("#error-sentence").tryQuery().isPresent());
        String sentence = robot.lookup("#error-sentence").queryAs(Label.class).getText();
        assertTrue(sentence.startsWith("broken.heapsnapshot: "), sentence);
        assertFalse(sentence.contains("Exception"), sentence);
        assertFalse(sentence.contains("\n"), sentence);
        waitUntil("the bad file left the sidebar", () -> window.viewModel().snapshots().isEmpty());
        robot.clickOn("OK");
    }

    @Test
    void everyViewShowsTheEnginesRowsForTheDemo(FxRobot robot) {
        onFx(() -> window.viewModel().openDemo());
        waitUntil("three snapshots are loaded", () -> window.viewModel().snapshots().size() == 3
                && window.viewModel().snapshots().stream().allMatch(Snapshot::isReady));
        waitSettled(window);

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.COMPARISON));
        waitSettled(window);
        List<GridRow> diff = topRows(grid(robot, "#comparison-grid"));
        assertFalse(diff.isEmpty());
        assertTrue(diff.stream().anyMatch(r -> r instanceof GridRow.DiffRow d && d.diff().name().equals("LeakyItem")
                && d.diff().newCount() == 400), diff.toString());

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.CONTAINMENT));
        waitSettled(window);
        assertFalse(topRows(grid(robot, "#containment-grid")).isEmpty());

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.DOMINATORS));
        waitSettled(window);
        List<GridRow> dominators = topRows(grid(robot, "#dominators-grid"));
        assertFalse(dominators.isEmpty());

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.STATISTICS));
        waitSettled(window);
        assertTrue(robot.lookup("#statistics-chart").tryQuery().isPresent());

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.LEAKS));
        waitSettled(window);
        waitUntil("the leak report lists LeakyItem first", () -> robot.lookup("#leaks-table").queryTableView()
                .getItems().size() > 0);
        heapscope.parser.model.LeakGroup first = (heapscope.parser.model.LeakGroup) robot.lookup("#leaks-table")
                .queryTableView().getItems().get(0);
        assertEquals("LeakyItem", first.className());
        assertTrue(first.pathSignature().contains("leakyData"), first.pathSignature());
        waitUntil("its example path is in Retainers", () -> visibleLabels(grid(robot, "#retainers-grid")).stream()
                .anyMatch(l -> l.startsWith("leakyData :: ")));
    }

    /** Reads the loaded child count of a grid item. */
    @FunctionalInterface
    private interface PagedTreeItemAccess {
        TreeItem<GridRow> item();

        default int childCount() {
            return ((heapscope.app.ui.common.PagedTreeItem) item()).childCount();
        }
    }
}
