package heapscope.app.ui;

import static heapscope.app.ui.UiTesting.grid;
import static heapscope.app.ui.UiTesting.onFx;
import static heapscope.app.ui.UiTesting.openDemoAndWait;
import static heapscope.app.ui.UiTesting.ordinalOf;
import static heapscope.app.ui.UiTesting.selectedRow;
import static heapscope.app.ui.UiTesting.showView;
import static heapscope.app.ui.UiTesting.topItem;
import static heapscope.app.ui.UiTesting.topRows;
import static heapscope.app.ui.UiTesting.waitSettled;
import static heapscope.app.ui.UiTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.common.PagedTreeItem;
import heapscope.app.ui.main.ObjectFilterOption;
import heapscope.app.ui.main.ViewKind;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.ClassAggregate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ContextMenuEvent;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The app as a Chrome DevTools user meets it, on the bundled demo series: DevTools' sizes and words, its filter
 * choices, Reveal in Summary view, Show all. Expected size texts come from DevTools' own formatter options run by
 * Node's Intl (src/test/scripts/units).
 */
class DevToolsFidelityTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    private static final String BETWEEN_1_AND_2 = "Objects allocated between Snapshot 1 and Snapshot 2";

    /** What DevTools writes for this many bytes: {@code bytesToString} or {@code formatBytesToKb}. */
    private static String devTools(long bytes, String formatter) throws IOException {
        JsonNode oracle = new ObjectMapper().readTree(Path.of("src/test/resources/fixtures/units/devtools-units.json")
                .toFile());
        for (JsonNode row : oracle.get("bytes")) {
            if (row.get("bytes").asLong() == bytes) {
                return row.get(formatter).asText();
            }
        }
        throw new AssertionError(bytes + " is not in the units oracle");
    }

    private List<String> optionLabels() {
        return onFx(() -> window.viewModel().filterOptions().stream().map(ObjectFilterOption::label).toList());
    }

    private String filter() {
        return onFx(() -> window.viewModel().filterOptionProperty().get().label());
    }

    private void showSnapshot(int number) {
        onFx(() -> window.viewModel().selectedProperty().set(window.viewModel().snapshots().get(number - 1)));
        waitSettled(window);
    }

    @Test
    void sizesReadAsDevToolsWritesThem(FxRobot robot) throws IOException {
        openDemoAndWait(window);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        ClassAggregate leaky = ((GridRow.ClassRow) topRows(summary).get(0)).aggregate();
        assertEquals(172_800, leaky.retainedSize());
        List<String> cells = robot.lookup("#summary-grid .number-cell .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(cells.contains(devTools(172_800, "formatBytesToKb")), cells.toString());
        assertTrue(cells.contains("5 %"), cells.toString());
        long total = onFx(() -> window.viewModel().selected().heap().totalSize());
        assertEquals(3_612_375, total);
        String heap = "heap " + devTools(total, "bytesToString");
        assertTrue(robot.lookup("#heap-status").queryAs(Label.class).getText().contains(heap), heap);
        assertTrue(robot.lookup(".snapshot-sizes").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().endsWith(heap)), "the sidebar says " + heap);
    }

    @Test
    void filterChoicesEndAtTheViewedSnapshotAndTheChoiceComesBack(FxRobot robot) {
        openDemoAndWait(window);
        // Choosing All objects ends the 3-snapshot walk-through: its hint goes.
        assertFalse(onFx(() -> window.viewModel().hintProperty().get()).isEmpty());
        robot.clickOn("#object-filter").clickOn("All objects");
        waitSettled(window);
        assertEquals("", onFx(() -> window.viewModel().hintProperty().get()));
        robot.clickOn("#object-filter").clickOn(BETWEEN_1_AND_2);
        waitSettled(window);
        assertEquals(BETWEEN_1_AND_2, filter());
        assertTrue(optionLabels().containsAll(List.of("Objects allocated between Snapshot 2 and Snapshot 3",
                "Objects allocated between Snapshot 1 and Snapshot 3")), optionLabels().toString());

        showSnapshot(2);
        assertEquals(BETWEEN_1_AND_2, filter(), "still a range that can hold objects of Snapshot 2");
        assertFalse(optionLabels().contains("Objects allocated between Snapshot 2 and Snapshot 3"));
        assertFalse(optionLabels().contains("Objects allocated between Snapshot 1 and Snapshot 3"));

        showSnapshot(1);
        assertEquals("All objects", filter(), "no object of Snapshot 1 was allocated after it");
        assertEquals(List.of("All objects", "Objects allocated before Snapshot 1", "Duplicated strings",
                "Objects retained by detached DOM nodes"), optionLabels());

        showSnapshot(3);
        assertEquals(BETWEEN_1_AND_2, filter(), "the user's choice applies again");
        assertEquals("LeakyItem", topRows(grid(robot, "#summary-grid")).get(0).label());
    }

    @Test
    void theSortStaysWhenTheFilterChanges(FxRobot robot) {
        openDemoAndWait(window);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        robot.clickOn(robot.lookup("#summary-grid .column-header .label").match(n -> "Shallow Size".equals(
                ((Label) n).getText())).queryAs(Label.class));
        waitSettled(window);
        onFx(() -> window.viewModel().filterOptionProperty().set(ObjectFilterOption.ALL));
        waitSettled(window);
        List<Long> shallow = topRows(summary).stream().filter(r -> r instanceof GridRow.ClassRow)
                .map(r -> ((GridRow.ClassRow) r).aggregate().shallowSize()).toList();
        assertEquals(100, shallow.size(), "the first page of all objects");
        for (int i = 1; i < shallow.size(); i++) {
            assertTrue(shallow.get(i - 1) <= shallow.get(i), "still ascending by shallow size: " + shallow);
        }
        assertEquals("Shallow Size", onFx(() -> ((Label) summary.getSortOrder().get(0).getGraphic()).getText()));
    }

    @Test
    void findRevealsInTheViewOnScreenAndTheMenuRevealsInSummary(FxRobot robot) {
        openDemoAndWait(window);
        showView(window, ViewKind.DOMINATORS);
        onFx(() -> window.viewModel().filterOptionProperty().set(ObjectFilterOption.ALL));
        UiTesting.find(robot, "@81933");
        TreeTableView<GridRow> dominators = grid(robot, "#dominators-grid");
        waitUntil("LeakyItem @81933 is revealed in the dominator tree", () -> selectedRow(dominators)
                instanceof GridRow.NodeItem n && n.node().id() == 81933);
        int ordinal = ordinalOf(selectedRow(dominators));
        onFx(() -> dominators.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, 400,
                300, false, null)));
        robot.clickOn("Reveal in Summary view");
        waitSettled(window);
        assertEquals(ViewKind.SUMMARY, onFx(() -> window.viewModel().viewProperty().get()));
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        waitUntil("the object is selected under its class", () -> ordinalOf(selectedRow(summary)) == ordinal);
        assertEquals("Snapshot 3 \u2014 All objects", robot.lookup("#summary-status").queryAs(Label.class)
                .getText());
        String parent = onFx(() -> summary.getSelectionModel().getSelectedItem().getParent().getValue().label());
        assertEquals("LeakyItem", parent);

        // An object the filter leaves out cannot be shown in the Summary: the status line says why.
        onFx(() -> window.viewModel().filterOptionProperty().set(window.viewModel().filterOptions().stream()
                .filter(o -> o.label().equals("Objects allocated between Snapshot 2 and Snapshot 3")).findFirst()
                .orElseThrow()));
        waitSettled(window);
        UiTesting.find(robot, "@81933");
        waitUntil("the Summary says why it cannot show the object", () -> robot.lookup("#summary-status")
                .queryAs(Label.class).getText().equals("LeakyItem @81933 is not among \u201cObjects allocated"
                        + " between Snapshot 2 and Snapshot 3\u201d; choose All objects to see it."));
    }

    @Test
    void showAllLoadsEveryRowOfALongList(FxRobot robot) {
        openDemoAndWait(window);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        TreeItem<GridRow> leaky = topItem(summary, r -> r.label().equals("LeakyItem"));
        onFx(() -> leaky.setExpanded(true));
        waitSettled(window);
        assertEquals(101, onFx(() -> leaky.getChildren().size()));
        onFx(() -> summary.scrollTo(summary.getRow(leaky.getChildren().get(100))));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Show all 300");
        waitSettled(window);
        assertEquals(400, onFx(() -> leaky.getChildren().size()));
        assertEquals(400, onFx(() -> ((PagedTreeItem) leaky).childCount()));
        assertTrue(onFx(() -> leaky.getChildren().stream().allMatch(c -> c.getValue() instanceof GridRow.NodeItem)));
    }

    @Test
    void objectsWithoutANameShowTheirClass(FxRobot robot) {
        openDemoAndWait(window);
        UiTesting.find(robot, "@91633");
        TableView<?> results = robot.lookup("#search-table").queryTableView();
        waitUntil("the code object is found", () -> results.getItems().size() == 1);
        assertEquals("(compiled code) @91633", onFx(() -> ((heapscope.app.ui.search.SearchView.Result) results
                .getItems().get(0)).node().label()));
    }

    @Test
    void theLeaksViewSaysItIsComputingUntilTheReportArrives(FxRobot robot) {
        openDemoAndWait(window);
        TableView<?> leaks = robot.lookup("#leaks-table").queryTableView();
        String placeholder = onFx(() -> {
            window.viewModel().viewProperty().set(ViewKind.LEAKS);
            return ((Label) leaks.getPlaceholder()).getText();
        });
        assertEquals("Computing the leak report\u2026", placeholder);
        waitUntil("the report arrives", () -> !leaks.getItems().isEmpty());
        assertEquals(List.of(), onFx(() -> window.viewModel().snapshots().stream()
                .filter(s -> s.state() != Snapshot.State.READY).toList()));
    }
}
