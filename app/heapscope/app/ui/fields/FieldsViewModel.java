package heapscope.app.ui.fields;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.main.NodeSelection;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.view.ArrayPreview;
import heapscope.parser.view.FieldRow;
import heapscope.parser.view.FieldRows;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The Fields pane: the field values of the selected object, primitives included, as its heap file holds them (Java
 * dumps; a V8 object's values are its references, which the grids show), a {@code byte[]}/{@code char[]} also as text
 * and hex. A reference is a link: following it selects the target, and Back returns along the way followed. Reading
 * is file IO, done in the background.
 */
public final class FieldsViewModel {
    private final MainWindowViewModel main;
    /** The objects left by following references, newest last. */
    private final Deque<NodeSelection> back = new ArrayDeque<>();
    private boolean following;

    public FieldsViewModel(MainWindowViewModel main) {
        this.main = main;
        main.selectionProperty().addListener((obs, was, is) -> {
            if (!following) {
                back.clear();
            }
        });
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** What the pane shows for a selection: the object's fields, a preview of an array's bytes, a message. */
    public record Shown(NodeSelection selection, List<FieldRow> rows, ArrayPreview preview, String message) {
    }

    /** Reads the selected object's fields. Runs in the background. */
    public static Shown fields(NodeSelection selection) {
        HeapGraph graph = selection.snapshot().heap().graph();
        String unavailable = graph.objectFieldsUnavailable();
        if (unavailable != null) {
            return new Shown(selection, List.of(), null, unavailable);
        }
        int ordinal = selection.node().ordinal();
        List<FieldRow> rows = FieldRows.of(selection.snapshot().rows(), ordinal);
        ArrayPreview preview = ArrayPreview.of(graph, ordinal);
        String message = rows.isEmpty() && preview == null ? "The dump holds no field values for this object." : null;
        return new Shown(selection, rows, preview, message);
    }

    /** Follows a reference: the target becomes the selected object; Back returns to this one. */
    public void follow(NodeSelection from, FieldRow field) {
        if (!field.isLink()) {
            return;
        }
        back.push(from);
        select(new NodeSelection(from.snapshot(), from.snapshot().rows().row(field.target())));
    }

    public boolean canGoBack() {
        return !back.isEmpty();
    }

    /** Returns to the object the last followed reference came from. */
    public void goBack() {
        if (!back.isEmpty()) {
            select(back.pop());
        }
    }

    private void select(NodeSelection selection) {
        following = true;
        try {
            main.selectionProperty().set(selection);
        } finally {
            following = false;
        }
    }
}
