package heapscope.app.ui.search;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.NodeSearch;
import heapscope.parser.view.ObjectIds;
import java.util.List;

/**
 * Find (Ctrl+F) in the shown snapshot, with the engine's {@link NodeSearch}: an id as the grids write it
 * ({@code @81933}, {@code @0x7ff0a1c8}) finds that object; any other text the classes whose name contains it and the
 * objects whose name (V8) or String text (Java) contains it, largest retained size first, the first {@link #LIMIT}
 * listed.
 */
public final class SearchViewModel {
    /** Most objects listed. */
    public static final int LIMIT = 1000;

    /** What a search found. */
    public record Found(Snapshot snapshot, String query, List<NodeSearch.ClassMatch> classes, List<NodeRow> rows,
            int total, boolean byId) {
    }

    private final MainWindowViewModel main;

    public SearchViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** Runs in the background. */
    public static Found search(Snapshot snapshot, String query, CancelSignal cancel) {
        String text = query.strip();
        long id = ObjectIds.parse(text);
        if (id != ObjectIds.NOT_AN_ID) {
            int ordinal = NodeSearch.byId(snapshot.heap(), id);
            if (ordinal >= 0) {
                return new Found(snapshot, text, List.of(), List.of(snapshot.rows().row(ordinal)), 1, true);
            }
            if (text.startsWith("@")) {
                return new Found(snapshot, text, List.of(), List.of(), 0, true);
            }
        }
        NodeSearch.Result result = NodeSearch.byText(snapshot.rows(), text, LIMIT, cancel);
        return new Found(snapshot, text, result.classes(), result.rows(), result.total(), false);
    }
}
