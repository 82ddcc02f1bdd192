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
        // A page of 100 rows and a "more" row; the link loads the next page.
        assertEquals(101, onFx(() -> leaky.getChildren().size()));
        assertTrue(onFx(() -> leaky.getChildren().get(100).getValue()) instanceof GridRow.MoreRow);
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

        // Ignore the array that holds it (context menu): the engine ranks again and the row is marked ignored.
        onFx(() -> retainers.getSelectionModel().select(retainers.getRoot().getChildren().get(0)));
        onFx(() -> retainers.fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, 400, 600, false, null)));
        robot.clickOn("Ignore this retainer");
        waitSettled(window);
        waitUntil("the array is marked ignored", () -> retainers.getRoot() != null
                && retainers.getRoot().getChildren().stream().anyMatch(i -> i.getValue() instanceof GridRow.NodeItem n
                        && n.ignored() && n.node().name().equals("Array")));
        robot.clickOn("Restore ignored retainers");
        waitSettled(window);
        waitUntil("nothing is ignored", () -> retainers.getRoot().getChildren().stream()
                .noneMatch(i -> i.getValue() instanceof GridRow.NodeItem n && n.ignored()));

        // "Show next 100" under the class, then find an instance by its id.
        onFx(() -> summary.scrollTo(summary.getRow(leaky.getChildren().get(100))));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Show next 100");
        waitSettled(window);
        assertEquals(201, onFx(() -> leaky.getChildren().size()));
        robot.clickOn("#search-field").write("@81933").type(KeyCode.ENTER);
        waitSettled(window);
        waitUntil("the found object's retainers show", () -> robot.lookup("#retainers-title").queryAs(Label.class)
                .getText().startsWith("Retainers of LeakyItem @81933"));
        // The expanded path is DevTools' for this object: each step's edge and retainer id.
        waitSettled(window);
        JsonNode path = new ObjectMapper().readTree(Fixtures.V8.resolve("demo/leak-3.retainers-81933.json").toFile())
                .get("path");
        List<String> expectedPath = new java.util.ArrayList<>();
        for (JsonNode step : path) {
            expectedPath.add(step.get("edgeLabel").asText() + " @" + step.get("node").get("id").asText());
        }
        waitUntil("the whole path is expanded", () -> expandedChain(retainers).size() == expectedPath.size());
        assertEquals(expectedPath, expandedChain(retainers));

        // Export sees what the grid shows: the class row and its loaded instances, exact bytes.
        heapscope.app.ui.common.ExportTable table = onFx(() -> window.currentTable());
        assertEquals(List.of("depth", "Constructor", "Distance", "Shallow Size", "Retained Size"), table.header());
        assertEquals(List.of("0", "LeakyItem", "11", "22400", "172800"), table.rows().get(0));
        assertEquals(1 + 200 + rows.size() - 1, table.rows().size());
    }

    @Test
    void theFieldsTabShowsAJavaObjectsValuesAndStringsShowTheirText(FxRobot robot) throws Exception {
        onFx(() -> window.viewModel().open(List.of(Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz"))));
        waitUntil("the dump is loaded", () -> window.viewModel().snapshots().size() == 1
                && window.viewModel().snapshots().get(0).isReady());
        waitSettled(window);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        robot.clickOn("#class-filter").write("SmallFixture$Square");
        waitSettled(window);
        robot.clickOn(robot.lookup(".class-name").match(n -> ((javafx.scene.text.Text) n).getText()
                .equals("SmallFixture$Square")).queryAs(javafx.scene.Node.class)).type(KeyCode.RIGHT);
        waitSettled(window);
        robot.type(KeyCode.DOWN);
        waitSettled(window);
        robot.clickOn(robot.lookup(".tab-label").match(n -> "Fields".equals(((Label) n).getText()))
                .queryAs(javafx.scene.Node.class));
        javafx.scene.control.TableView<heapscope.parser.view.FieldRow> fields = robot.lookup("#fields-table")
                .queryTableView();
        waitUntil("the Square's fields show", () -> onFx(() -> fields.getItems().size()) == 4);
        assertEquals(List.of("label", "owner", "sides", "area"),
                onFx(() -> fields.getItems().stream().map(heapscope.parser.view.FieldRow::name).toList()));
        assertEquals("4", onFx(() -> fields.getItems().get(2).value()));
        assertTrue(robot.lookup("#fields-title").queryAs(Label.class).getText()
                .startsWith("Fields of SmallFixture$Square @0x"));

        // A String row shows its text, read from the dump.
        robot.clickOn("#class-filter").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("java.lang.String");
        waitSettled(window);
        TreeItem<GridRow> strings = topItem(summary, r -> r.label().equals("java.lang.String"));
        onFx(() -> strings.setExpanded(true));
        waitSettled(window);
        waitUntil("the Strings are listed", () -> onFx(() -> strings.getChildren().size()) > 1);
        String first = onFx(() -> strings.getChildren().get(0).getValue().label());
        assertTrue(first.matches("java\\.lang\\.String \".*\" @0x[0-9a-f]+"), first);
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
        assertFalse(window.viewModel().recentFiles().contains(bad.toAbsolutePath()), "a bad file is not recent");

        robot.clickOn("Help").clickOn("About Heapscope");
        waitUntil("the About dialog shows", () -> robot.lookup("#about-version").tryQuery().isPresent());
        assertEquals("Version " + heapscope.app.Version.current(), robot.lookup("#about-version").queryAs(Label.class)
                .getText());
        robot.clickOn("OK");
    }

    @Test
    void everyViewShowsTheEnginesRowsForTheDemo(FxRobot robot) throws Exception {
        onFx(() -> window.viewModel().openDemo());
        waitUntil("three snapshots are loaded", () -> window.viewModel().snapshots().size() == 3
                && window.viewModel().snapshots().stream().allMatch(Snapshot::isReady));
        waitSettled(window);

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.COMPARISON));
        waitSettled(window);
        // Snapshot 3 against its default base, Snapshot 2: every row is DevTools' diff of the same pair.
        List<GridRow> diff = topRows(grid(robot, "#comparison-grid"));
        JsonNode expectedDiff = new ObjectMapper().readTree(Fixtures.V8.resolve("demo/leak-2__leak-3.diff.json")
                .toFile()).get("classes");
        assertEquals(expectedDiff.size(), diff.size());
        for (int i = 0; i < diff.size(); i++) {
            heapscope.parser.model.ClassDiff shown = ((GridRow.DiffRow) diff.get(i)).diff();
            JsonNode want = expectedDiff.get(i);
            assertEquals(want.get("key").asText(), shown.key());
            assertEquals(want.get("newCount").asLong(), shown.newCount());
            assertEquals(want.get("deletedCount").asLong(), shown.deletedCount());
            assertEquals(want.get("allocSize").asLong(), shown.allocSize());
            assertEquals(want.get("freedSize").asLong(), shown.freedSize());
        }

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.CONTAINMENT));
        waitSettled(window);
        assertFalse(topRows(grid(robot, "#containment-grid")).isEmpty());

        // Clicking a header sorts in the engine: the top rows come back ordered by that column.
        onFx(() -> window.viewModel().viewProperty().set(ViewKind.SUMMARY));
        waitSettled(window);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        robot.clickOn(robot.lookup("#summary-grid .column-header .label").match(n -> "Shallow Size".equals(
                ((Label) n).getText())).queryAs(Label.class));
        waitSettled(window);
        List<Long> shallow = topRows(summary).stream().map(r -> ((GridRow.ClassRow) r).aggregate().shallowSize())
                .toList();
        for (int i = 1; i < shallow.size(); i++) {
            assertTrue(shallow.get(i - 1) <= shallow.get(i), "ascending by shallow size: " + shallow);
        }

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.DOMINATORS));
        waitSettled(window);
        List<GridRow> dominators = topRows(grid(robot, "#dominators-grid"));
        assertFalse(dominators.isEmpty());

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.STATISTICS));
        waitSettled(window);
        assertTrue(robot.lookup("#statistics-chart").tryQuery().isPresent());
        JsonNode pie = new ObjectMapper().readTree(Fixtures.V8.resolve("demo/leak-3.stats.json").toFile()).get("pie");
        List<String> exported = onFx(() -> window.currentTable().rows().stream().map(r -> r.get(1)).toList());
        assertEquals(List.of(pie.get("code").asText(), pie.get("strings").asText(), pie.get("jsArrays").asText(),
                pie.get("typedArrays").asText(), pie.get("systemObjects").asText(), pie.get("otherJSObjects").asText(),
                pie.get("otherNonJSObjects").asText()), exported);

        onFx(() -> window.viewModel().viewProperty().set(ViewKind.LEAKS));
        waitSettled(window);
        waitUntil("the leak report lists leakyData first", () -> robot.lookup("#leaks-table").queryTableView()
                .getItems().size() > 0);
        heapscope.parser.model.LeakSuspect first = (heapscope.parser.model.LeakSuspect) robot.lookup("#leaks-table")
                .queryTableView().getItems().get(0);
        assertEquals("leakyData (closure variable)", first.name());
        assertEquals("LeakyItem", first.held().get(0).className());
        waitUntil("its example path is in Retainers", () -> visibleLabels(grid(robot, "#retainers-grid")).stream()
                .anyMatch(l -> l.startsWith("leakyData :: ")));
    }

    @Test
    void closingTheSnapshotsLetsTheirHeapsGo(FxRobot robot) {
        onFx(() -> window.viewModel().openDemo());
        waitUntil("three snapshots are loaded", () -> window.viewModel().snapshots().size() == 3
                && window.viewModel().snapshots().stream().allMatch(Snapshot::isReady));
        waitSettled(window);
        List<java.lang.ref.WeakReference<Object>> heaps = onFx(() -> window.viewModel().snapshots().stream()
                .map(s -> new java.lang.ref.WeakReference<Object>(s.heap())).toList());
        // Use every view, so each holds rows of the shown snapshot, and select an object for Retainers.
        for (ViewKind kind : ViewKind.values()) {
            onFx(() -> window.viewModel().viewProperty().set(kind));
            waitSettled(window);
        }
        onFx(() -> window.viewModel().viewProperty().set(ViewKind.SUMMARY));
        waitSettled(window);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        onFx(() -> summary.getRoot().getChildren().get(0).setExpanded(true));
        waitSettled(window);
        onFx(() -> summary.getSelectionModel().select(summary.getRoot().getChildren().get(0).getChildren().get(0)));
        waitSettled(window);

        // Reordering renumbers the series, and the allocation filters follow the new order.
        Snapshot third = onFx(() -> window.viewModel().snapshots().get(2));
        onFx(() -> window.viewModel().move(third, -1));
        assertEquals("Snapshot 2", onFx(third::title));
        assertEquals(third, onFx(() -> window.viewModel().selected()), "moving keeps the shown snapshot");
        assertTrue(onFx(() -> window.viewModel().filterOptions().stream().anyMatch(o -> o.first() == 1
                && o.last() == 2)));

        while (!onFx(() -> window.viewModel().snapshots().isEmpty())) {
            onFx(() -> window.viewModel().close(window.viewModel().selected()));
            waitSettled(window);
        }
        for (int i = 0; i < 20 && heaps.stream().anyMatch(h -> h.get() != null); i++) {
            System.gc();
            org.testfx.util.WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        for (java.lang.ref.WeakReference<Object> h : heaps) {
            Object heap = h.get();
            if (heap != null) {
                System.err.println("PATH " + PathFinder.find(window, heap));
                System.err.println("PATH2 " + PathFinder.find(robot.window(0), heap));
            }
        }
        assertTrue(heaps.stream().allMatch(h -> h.get() == null), "a closed snapshot's heap is still reachable");
        assertTrue(robot.lookup("#demo-button").tryQuery().isPresent(), "the welcome page is back");
    }

    /** The first row at each level while rows are expanded: {@code edge @retainerId}. */
    private static List<String> expandedChain(TreeTableView<GridRow> retainers) {
        return onFx(() -> {
            List<String> chain = new java.util.ArrayList<>();
            TreeItem<GridRow> at = retainers.getRoot();
            while (at != null && !at.getChildren().isEmpty()
                    && at.getChildren().get(0).getValue() instanceof GridRow.NodeItem first) {
                chain.add(first.edge().edgeLabel() + " @" + first.node().id());
                at = at.getChildren().get(0).isExpanded() ? at.getChildren().get(0) : null;
            }
            return chain;
        });
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
