package heapscope.parser.read.hprof.pass;

import heapscope.parser.graph.StringTable;
import java.util.HashMap;
import java.util.Map;

/** Adds each distinct string to a graph's {@link StringTable} once. Single-threaded; no IO. */
public final class Interner {
    private final StringTable strings;
    private final Map<String, Integer> indexByString = new HashMap<>();

    public Interner(StringTable strings) {
        this.strings = strings;
    }

    int intern(String s) {
        Integer known = indexByString.get(s);
        if (known != null) {
            return known;
        }
        int index = strings.add(s);
        indexByString.put(s, index);
        return index;
    }

    StringTable strings() {
        return strings;
    }
}
