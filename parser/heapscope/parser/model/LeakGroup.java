package heapscope.parser.model;

/**
 * One suspect of the leak report: objects of one class held along one kind of retainer path.
 *
 * @param className the objects' class
 * @param classKey their class key
 * @param pathSignature the retainer path that holds them, from the holder nearest the root to the object, with array
 *     indexes and numbers collapsed, e.g. {@code system / Context.leakyData → Array[] → LeakyItem}
 * @param counts how many such objects each snapshot holds, in series order
 * @param grewEveryStep whether the count rose from every snapshot to the next
 * @param retainedSize what the group's objects retain in the last snapshot
 * @param exampleNode one of the objects in the last snapshot (node ordinal), whose full retainer path illustrates it
 */
public record LeakGroup(String className, String classKey, String pathSignature, long[] counts, boolean grewEveryStep,
        long retainedSize, int exampleNode) {

    /** The count in the last snapshot minus the count in the first. */
    public long growth() {
        return counts[counts.length - 1] - counts[0];
    }
}
