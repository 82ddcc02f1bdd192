package heapscope.parser.model;

/**
 * One row of the Summary view: a class and what its instances add up to.
 *
 * @param classId the class's id in the heap's class table (to list its instances)
 * @param name the Constructor column text
 * @param key the class key, the same across snapshots of one process ({@code ",Name"} or
 *     {@code "scriptId,line,column,Name"})
 * @param count instances (nodes with a non-zero shallow size that pass the filter)
 * @param distance the smallest raw distance of an instance (see {@code Distances})
 * @param shallowSize the instances' shallow sizes added up
 * @param retainedSize the retained sizes of the instances that have no instance of the same class above them in the
 *     dominator tree, added up (so nested instances are not counted twice)
 */
public record ClassAggregate(int classId, String name, String key, long count, int distance, long shallowSize,
        long retainedSize) {
}
