package heapscope.app.ui.common;

import java.util.List;

/**
 * The rows a grid opens to reveal an object: the {@link GridRow#key keys} from a top-level row down to the object's,
 * or, when the view cannot show it, the sentence that says why.
 */
public record RowPath(List<String> keys, String missing) {
    public RowPath {
        keys = List.copyOf(keys);
    }

    public static RowPath to(List<String> keys) {
        return new RowPath(keys, null);
    }

    public static RowPath missing(String why) {
        return new RowPath(List.of(), why);
    }
}
