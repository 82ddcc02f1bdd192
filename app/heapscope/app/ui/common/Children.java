package heapscope.app.ui.common;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.Sort;
import java.util.List;

/**
 * The children of a grid row, as the engine's view providers give them: {@link #open} builds the sorted list in the
 * background (it may take a while for a class with millions of instances); the list is then read a page at a time.
 */
@FunctionalInterface
public interface Children {
    Rows open(Sort sort, CancelSignal cancel);

    /** A sorted list of child rows, read by pages. Called on a background thread. */
    interface Rows {
        int size();

        List<Child> page(int begin, int count);

        /** The position of the row with this {@link GridRow#key key}, or -1 (also when the list cannot tell). */
        default int indexOf(String key) {
            return -1;
        }
    }

    /** A child row and its own children, null for a leaf. */
    record Child(GridRow row, Children children) {
    }

    /** A fixed list (already in order). */
    static Rows of(List<Child> children) {
        return new Rows() {
            @Override
            public int size() {
                return children.size();
            }

            @Override
            public List<Child> page(int begin, int count) {
                int from = Math.min(begin, children.size());
                return children.subList(from, (int) Math.min(children.size(), (long) from + count));
            }

            @Override
            public int indexOf(String key) {
                for (int i = 0; i < children.size(); i++) {
                    if (children.get(i).row().key().equals(key)) {
                        return i;
                    }
                }
                return -1;
            }
        };
    }
}
