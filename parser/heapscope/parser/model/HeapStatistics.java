package heapscope.parser.model;

/**
 * The Statistics view (DevTools' {@code calculateStatistics}): where the heap's bytes go. {@code total} is the heap
 * total ({@code totalSize}); the V8 heap is what is not native. The pie chart shows code, strings, JS arrays, typed
 * arrays, system objects, and the rest of the V8 heap and of native memory.
 */
public record HeapStatistics(long total, long nativeTotal, long typedArrays, long code, long strings, long jsArrays,
        long system) {

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
}
