package heapscope.parser.analysis;

import heapscope.parser.graph.StringTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the analysis makes up ({@code (system)}, {@code <div>}, {@code {x, y}}), each given the string index it will
 * have once appended to the heap's string table, once per text. They are appended only by {@link #appendAll}, so that
 * the class naming can run on its own thread while other phases read the string table. Not thread-safe: one user.
 */
final class DerivedNames {
    private final StringTable strings;
    private final int firstIndex;
    private final List<String> pending = new ArrayList<>();
    private final Map<String, Integer> indexByText = new HashMap<>();

    DerivedNames(StringTable strings) {
        this.strings = strings;
        this.firstIndex = strings.size();
    }

    /** The index {@code text} will have in the string table. */
    int indexOf(String text) {
        return indexByText.computeIfAbsent(text, t -> {
            pending.add(t);
            return firstIndex + pending.size() - 1;
        });
    }

    /** Appends the names to the string table, at the indexes handed out. */
    void appendAll() {
        if (strings.size() != firstIndex) {
            throw new IllegalStateException("the string table changed while names were derived");
        }
        pending.forEach(strings::add);
    }
}
