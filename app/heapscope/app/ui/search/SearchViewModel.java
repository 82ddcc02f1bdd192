package heapscope.app.ui.search;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.NodeSearch;
import java.util.List;

/**
 * Search by {@code @id} or by name in the shown snapshot, with the engine's {@link NodeSearch}: an id finds that
 * object, a name the objects whose name contains it (largest retained size first, the first {@link #LIMIT} listed).
 */
public final class SearchViewModel {
    /** Most results listed. */
    public static final int LIMIT = 1000;

    /** What a search found. */
    public record Found(Snapshot snapshot, String query, List<NodeRow> rows, int total) {
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
        long id = NodeSearch.parseId(query);
        if (id >= 0 && query.strip().startsWith("@") || id >= 0 && query.strip().chars().allMatch(Character::isDigit)) {
            int ordinal = snapshot.heap().graph().ordinalOfId(id);
            if (ordinal >= 0) {
                return new Found(snapshot, query, List.of(snapshot.rows().row(ordinal)), 1);
            }
            if (query.strip().startsWith("@")) {
                return new Found(snapshot, query, List.of(), 0);
            }
        }
        NodeSearch.Result result = NodeSearch.byName(snapshot.rows(), query, LIMIT, cancel);
        return new Found(snapshot, query, result.rows(), result.total());
    }
}
