package heapscope.app.ui.fields;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.view.FieldRow;
import heapscope.parser.view.FieldRows;
import java.util.List;

/**
 * The Fields pane: the field values of the selected object, primitives included, as its heap file holds them (Java
 * dumps; a V8 object's values are its references, which the grids show). Reading them is file IO, done in the
 * background.
 */
public final class FieldsViewModel {
    private final MainWindowViewModel main;

    public FieldsViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** What the pane shows for a selection: the object's fields, and a message when there are none. */
    public record Shown(NodeSelection selection, List<FieldRow> rows, String message) {
    }

    /** Reads the selected object's fields. Runs in the background. */
    public static Shown fields(NodeSelection selection) {
        HeapGraph graph = selection.snapshot().heap().graph();
        String unavailable = graph.objectFieldsUnavailable();
        if (unavailable != null) {
            return new Shown(selection, List.of(), unavailable);
        }
        List<FieldRow> rows = FieldRows.of(selection.snapshot().rows(), selection.node().ordinal());
        return new Shown(selection, rows, rows.isEmpty() ? "The dump holds no field values for this object." : null);
    }
}
