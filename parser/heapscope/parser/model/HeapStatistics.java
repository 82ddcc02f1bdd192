package heapscope.parser.model;

import java.util.List;

/**
 * The Statistics view: where the heap's bytes go, in categories of the file's world, drawn as a pie chart out of the
 * heap total. A V8 snapshot has DevTools' categories ({@link V8Statistics}), a Java dump its own
 * ({@link JavaStatistics}). Immutable.
 */
public sealed interface HeapStatistics permits V8Statistics, JavaStatistics {
    /** The heap total: the root's retained size (plus V8's extra native bytes). */
    long total();

    /** The slices of the pie, in the order drawn; their bytes add up to {@link #total()}. */
    List<Category> categories();

    /** One slice: its name, its bytes, and a sentence that says what it holds. */
    record Category(String name, long bytes, String description) {
    }
}
