package heapscope.app.ui;

import static heapscope.app.ui.UiTesting.grid;
import static heapscope.app.ui.UiTesting.onFx;
import static heapscope.app.ui.UiTesting.openAndWait;
import static heapscope.app.ui.UiTesting.ordinalOf;
import static heapscope.app.ui.UiTesting.selectedRow;
import static heapscope.app.ui.UiTesting.showView;
import static heapscope.app.ui.UiTesting.waitSettled;
import static heapscope.app.ui.UiTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.main.NodeSelection;
import heapscope.app.ui.main.ObjectFilterOption;
import heapscope.app.ui.main.ViewKind;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.model.HeapStatistics;
import heapscope.parser.model.JavaStatistics;
import heapscope.parser.view.ArrayPreview;
import heapscope.parser.view.FieldRow;
import heapscope.testing.JavaDumps;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The app as a Java developer meets it, on real dumps: the committed JDK 25 fixture (SmallFixture.java's known
 * objects) and three dumps of GrowingStaticMap.java, which leaks 3,000 sessions a round into a static map.
 */
class JavaFaceTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    private static final Path SMALL = Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz");

    private Snapshot shown() {
        return onFx(() -> window.viewModel().selected());
    }

    /** The first node of the shown heap that passes {@code test}. */
    private int node(IntPredicate test) {
        HeapGraph graph = shown().heap().graph();
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (test.test(node)) {
                return node;
            }
        }
        throw new AssertionError("no such node");
    }

    private int classObject(String className) {
        HeapGraph graph = shown().heap().graph();
        return node(n -> ("class " + className).equals(graph.nodeLabel(n)));
    }

    private void select(int ordinal) {
        Snapshot snapshot = shown();
        onFx(() -> window.viewModel().selectionProperty().set(new NodeSelection(snapshot,
                snapshot.rows().row(ordinal))));
        waitSettled(window);
    }

    @Test
    void aJavaDumpReadsInMatsWordsAndBytes(FxRobot robot) {
        openAndWait(window, List.of(SMALL));
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        List<String> headers = robot.lookup("#summary-grid .column-header .label").queryAllAs(Label.class).stream()
                .filter(l -> l.getParent() != null && l.getParent().isVisible()).map(Label::getText).toList();
        assertTrue(headers.containsAll(List.of("Class", "Objects", "Distance", "Shallow Heap", "Retained Heap")),
                headers.toString());
        assertEquals("Histogram", robot.lookup("#view-chooser").queryAs(ComboBox.class).getButtonCell().getText());
        assertTrue(robot.lookup("Path to GC Roots").tryQuery().isPresent(), "the Retainers tab uses MAT's name");

        // A class row: the count in its own column, the sizes in exact bytes as MAT writes them.
        GridRow.ClassRow strings = (GridRow.ClassRow) UiTesting.topItem(summary,
                r -> r.label().equals("java.lang.String")).getValue();
        String shallow = String.format(java.util.Locale.ROOT, "%,d", strings.aggregate().shallowSize());
        assertTrue(robot.lookup(".number-cell .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(shallow)), "the String row's shallow heap reads " + shallow);
        ExportTable table = onFx(() -> window.currentTable());
        assertEquals(List.of("depth", "Class", "Objects", "Distance", "Shallow Heap", "Retained Heap"),
                table.header());
    }

    @Test
    void statisticsSortAJavaHeapIntoJavaCategoriesOnAPie(FxRobot robot) {
        openAndWait(window, List.of(SMALL));
        showView(window, ViewKind.STATISTICS);
        JavaStatistics stats = (JavaStatistics) shown().heap().statistics();
        PieChart chart = robot.lookup("#statistics-chart").queryAs(PieChart.class);
        List<String> slices = onFx(() -> chart.getData().stream().map(PieChart.Data::getName).toList());
        assertEquals(List.of("Strings", "byte[] and char[]", "Other primitive arrays", "Object arrays",
                "Classes and statics", "Instances"), slices);
        List<List<String>> rows = onFx(() -> window.currentTable().rows());
        for (int i = 0; i < rows.size(); i++) {
            HeapStatistics.Category category = stats.categories().get(i);
            assertEquals(List.of(category.name(), Long.toString(category.bytes())), rows.get(i));
        }
        assertEquals(shown().heap().totalSize(), rows.stream().mapToLong(r -> Long.parseLong(r.get(1))).sum());
    }

    @Test
    void theFieldsPaneFollowsAReferenceAndComesBack(FxRobot robot) {
        openAndWait(window, List.of(SMALL));
        int fixture = classObject("SmallFixture");
        onFx(() -> window.viewModel().paneProperty().set(heapscope.app.ui.main.MainWindowViewModel.Pane.FIELDS));
        select(fixture);
        TableView<FieldRow> fields = robot.lookup("#fields-table").queryTableView();
        waitUntil("the statics show", () -> fields.getItems().stream().anyMatch(f -> f.name().equals("BY_NAME")));
        FieldRow byName = onFx(() -> fields.getItems().stream().filter(f -> f.name().equals("BY_NAME")).findFirst()
                .orElseThrow());
        assertTrue(byName.isLink());
        robot.clickOn(robot.lookup(".field-link").match(n -> ((Hyperlink) n).getText().equals(byName.value()))
                .queryAs(Hyperlink.class));
        waitSettled(window);
        Label title = robot.lookup("#fields-title").queryAs(Label.class);
        waitUntil("the map's fields show", () -> title.getText().startsWith("Fields of java.util.HashMap @0x"));
        waitUntil("the map's table is listed", () -> fields.getItems().stream().anyMatch(f -> f.name()
                .equals("table")));
        // Following a field selects its target everywhere: the Retainers pane shows the map too.
        assertEquals(byName.target(), onFx(() -> window.viewModel().selectionProperty().get().node().ordinal()));
        robot.clickOn("#fields-back");
        waitSettled(window);
        waitUntil("back on the class", () -> title.getText().startsWith("Fields of class SmallFixture @0x"));
        assertTrue(onFx(() -> robot.lookup("#fields-back").queryAs(Button.class).isDisabled()));
    }

    @Test
    void aByteArrayShowsAsTextAndHex(FxRobot robot) {
        openAndWait(window, List.of(SMALL));
        AnalyzedHeap heap = shown().heap();
        int bytes = node(n -> "byte[]".equals(heap.graph().nodeName(n)) && ArrayPreview.of(heap.graph(), n) != null
                && ArrayPreview.of(heap.graph(), n).length() == 3
                && ArrayPreview.of(heap.graph(), n).hex().startsWith("00000000  01 02 03 "));
        onFx(() -> window.viewModel().paneProperty().set(heapscope.app.ui.main.MainWindowViewModel.Pane.FIELDS));
        select(bytes);
        TextArea hex = robot.lookup("#array-hex").queryAs(TextArea.class);
        waitUntil("the hex dump shows", () -> hex.getText().startsWith("00000000  01 02 03 "));
        assertTrue(robot.lookup("#array-preview").query().isVisible());
        assertEquals("\u2401\u2402\u2403", robot.lookup("#array-text").queryAs(TextArea.class).getText());
        // The elements are listed as well.
        assertEquals(3, onFx(() -> robot.lookup("#fields-table").queryTableView().getItems().size()));
    }

    @Test
    void findReadsJavaStringsAndTheAddressesAsTheGridsWriteThem(FxRobot robot) {
        openAndWait(window, List.of(SMALL));
        UiTesting.find(robot, "grüße");
        waitSettled(window);
        TableView<?> results = robot.lookup("#search-table").queryTableView();
        waitUntil("the String is found", () -> results.getItems().size() == 1);
        String label = onFx(() -> ((heapscope.app.ui.search.SearchView.Result) results.getItems().get(0)).node()
                .label());
        assertTrue(label.startsWith("java.lang.String \"Heapscope fixture: grüße, 日本語\" @0x"), label);

        // The address exactly as shown finds the object, selects it and reveals it in the Summary.
        String address = label.substring(label.lastIndexOf(" @") + 1);
        UiTesting.find(robot, address);
        TreeTableView<GridRow> summary = grid(robot, "#summary-grid");
        waitUntil("the String is revealed in the Summary", () -> selectedRow(summary) instanceof GridRow.NodeItem n
                && n.node().label().equals(label));
        assertTrue(robot.lookup("#retainers-title").queryAs(Label.class).getText().startsWith("Retainers of "
                + label));
        // A class name finds the class, listed first.
        UiTesting.find(robot, "SmallFixture$Sq");
        waitSettled(window);
        waitUntil("the class is found", () -> !results.getItems().isEmpty() && ((heapscope.app.ui.search.SearchView
                .Result) results.getItems().get(0)).match() != null);
        assertEquals("SmallFixture$Square", onFx(() -> ((heapscope.app.ui.search.SearchView.Result) results
                .getItems().get(0)).match().name()));
    }

    @Test
    void leakSuspectsNameTheStaticMapAndWhereItsMemoryAccumulates(FxRobot robot) {
        openAndWait(window, List.of(JavaDumps.growingStaticMap().get(2)));
        showView(window, ViewKind.SUSPECTS);
        TableView<?> suspects = robot.lookup("#suspects-table").queryTableView();
        waitUntil("the suspects are listed", () -> !suspects.getItems().isEmpty());
        Label description = robot.lookup("#suspect-description").queryAs(Label.class);
        assertTrue(description.getText().startsWith("The class GrowingStaticMap @0x"), description.getText());
        assertTrue(description.getText().contains("reached through GrowingStaticMap.SESSIONS \u2192"
                + " java.util.HashMap.table"), description.getText());
        waitUntil("the suspect's path shows", () -> robot.lookup("#retainers-title").queryAs(Label.class).getText()
                .startsWith("Retainers of class GrowingStaticMap @0x"));
        robot.clickOn("#show-accumulation");
        waitSettled(window);
        waitUntil("the accumulation point is selected", () -> robot.lookup("#retainers-title").queryAs(Label.class)
                .getText().startsWith("Retainers of java.util.HashMap$Node[] @0x"));
    }

    @Test
    void theThreeSnapshotMethodFindsTheSessionsLeakedBetweenTwoJavaDumps(FxRobot robot) {
        openAndWait(window, JavaDumps.growingStaticMap());
        String between = "Objects allocated between Snapshot 1 and Snapshot 2";
        waitUntil("the dumps are matched", () -> window.viewModel().filterOptions().stream()
                .anyMatch(o -> o.label().equals(between)));
        assertEquals(List.of("All objects", "Objects allocated before Snapshot 1", between,
                "Objects allocated between Snapshot 2 and Snapshot 3", "Objects allocated between Snapshot 1 and"
                        + " Snapshot 3", "Unreachable objects (garbage the dump still holds)",
                "All objects, unreachable ones included"), onFx(() -> window.viewModel().filterOptions().stream()
                .map(ObjectFilterOption::label).toList()));
        robot.clickOn("#object-filter").clickOn(between);
        waitSettled(window);
        // The program leaked 3,000 sessions in round 2; all are still alive in round 3.
        GridRow.ClassRow sessions = (GridRow.ClassRow) UiTesting.topItem(grid(robot, "#summary-grid"),
                r -> r.label().equals("GrowingStaticMap$Session")).getValue();
        assertEquals(JavaDumps.SESSIONS_PER_ROUND, sessions.aggregate().count());
        // On Snapshot 1 no object was allocated between 1 and 2: all objects are shown instead.
        onFx(() -> window.viewModel().selectedProperty().set(window.viewModel().snapshots().get(0)));
        waitSettled(window);
        assertEquals("All objects", onFx(() -> window.viewModel().filterOptionProperty().get().label()));
    }
}
