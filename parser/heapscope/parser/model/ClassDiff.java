package heapscope.parser.model;

/**
 * One row of the Comparison view: a class's objects that are new in the target snapshot and those deleted since the
 * base, matched by V8 object id or, for Java dumps, by the object matching. Sizes are shallow.
 *
 * @param newNodes node ordinals of the new objects in the target heap, by ascending id (V8) or ordinal (Java)
 * @param deletedNodes node ordinals of the deleted objects in the base heap, likewise
 */
public record ClassDiff(String name, String key, long newCount, long deletedCount, long allocSize, long freedSize,
        int[] newNodes, int[] deletedNodes) {

    public long countDelta() {
        return newCount - deletedCount;
    }

    public long sizeDelta() {
        return allocSize - freedSize;
    }
}
