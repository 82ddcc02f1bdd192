package heapscope.parser.model;

import java.util.List;

/**
 * A problem suspect of one heap (Eclipse MAT's "Leak Suspects" report on a single dump): an object, or a class's
 * objects taken together, that alone keeps a large share of the heap alive. Immutable.
 *
 * @param kind whether one object or a class's objects are suspect
 * @param node the suspect object, or the class's largest instance
 * @param name the object's name ({@code class AuditRegistry}, {@code java.util.HashMap}) or the class's name
 * @param instances 1 for an object, else how many of the class's objects the dominator tree has at its top
 * @param retainedSize the bytes that would be freed if the suspect went away
 * @param heldBy the first holder outside the runtime's own classes on the suspect's way to a GC root, as a path
 *     step ({@code AuditRegistry.ENTRIES}), or the GC root that holds it
 * @param accumulationPoint where the retained bytes gather, the object under which they fan out (usually an array or
 *     a collection's table), or -1 when they do not gather in one object
 * @param accumulationVia the references from the suspect down to the accumulation point
 *     ({@code GrowingStaticMap.SESSIONS → java.util.HashMap.table}); empty when they are the same object
 * @param accumulated what the accumulation point keeps alive, by class, largest first
 * @param path the shortest way from a GC root to the suspect (the Retainers pane's chain)
 */
public record ProblemSuspect(Kind kind, int node, String name, long instances, long retainedSize, String heldBy,
        int accumulationPoint, String accumulationVia, List<ClassShare> accumulated, RetainerPath path) {

    public enum Kind { OBJECT, CLASS }

    /** Objects of one class kept alive under the accumulation point: how many, and the bytes they retain. */
    public record ClassShare(String className, long count, long retainedSize) {
    }

    public ProblemSuspect {
        accumulated = List.copyOf(accumulated);
    }
}
