package heapscope.parser.model;

import java.util.List;

/**
 * DevTools' Statistics of a V8 snapshot ({@code calculateStatistics}): the V8 heap is what is not native; the pie
 * shows code, strings, JS arrays, typed arrays, system objects, and the rest of the V8 heap and of native memory, with
 * DevTools' labels.
 */
public record V8Statistics(long total, long nativeTotal, long typedArrays, long code, long strings, long jsArrays,
        long system) implements HeapStatistics {

    public long v8HeapTotal() {
        return total - nativeTotal;
    }

    /** V8 heap bytes in none of the named categories. */
    public long otherJsObjects() {
        return v8HeapTotal() - code - strings - jsArrays - system;
    }

    /** Native bytes that are not typed-array backing stores. */
    public long otherNativeObjects() {
        return nativeTotal - typedArrays;
    }

    @Override
    public List<Category> categories() {
        return List.of(
                new Category("Code", code, "Compiled code and bytecode"),
                new Category("Strings", strings, "Strings, concatenated and sliced strings"),
                new Category("JS arrays", jsArrays, "Arrays with their element stores"),
                new Category("Typed arrays", typedArrays, "Backing stores of ArrayBuffers and typed arrays"),
                new Category("System objects", system, "V8's hidden objects and what only the system reaches"),
                new Category("Other JS objects", otherJsObjects(), "Every other object of the JavaScript heap"),
                new Category("Other non-JS objects (such as HTML and CSS)", otherNativeObjects(),
                        "Native (embedder) memory that is not a typed array"));
    }
}
