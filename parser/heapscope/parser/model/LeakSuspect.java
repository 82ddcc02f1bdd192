package heapscope.parser.model;

import java.util.List;

/**
 * One leak the report found: a container (or several alike, such as the thread-local maps of a pool's threads) whose
 * retained size kept growing across the snapshots, with everything it holds folded in.
 *
 * @param name what a reader knows it by: the static field, closure variable or thread local that holds it, e.g.
 *     {@code AuditRegistry.ENTRIES}
 * @param containerClass the class of the object where the growth accumulates, e.g. {@code java.util.HashMap}
 * @param path how that object is reached, from its anchor, e.g. {@code AuditRegistry.ENTRIES → HashMap.table →
 *     HashMap$Node[]}
 * @param instances how many containers alike are folded into this suspect (1 but for, say, thread-local maps)
 * @param retainedSizes what the containers retained in each snapshot, in series order; -1 where the object was too
 *     small then to be followed
 * @param grewEveryStep whether the retained size rose from every snapshot to the next
 * @param held what the containers hold in the last snapshot, by class, largest growth first
 * @param exampleNode an object of the class that grew most, added after the first snapshot (node ordinal in the last
 *     snapshot), to show its retainer path
 * @param containerNodes the containers' node ordinals in the last snapshot
 */
public record LeakSuspect(String name, String containerClass, String path, int instances, long[] retainedSizes,
        boolean grewEveryStep, List<ClassGrowth> held, int exampleNode, int[] containerNodes) {

    /** Retained bytes gained from the first snapshot the containers were followed in to the last. */
    public long growth() {
        long first = -1;
        for (long size : retainedSizes) {
            if (size >= 0) {
                first = size;
                break;
            }
        }
        long last = retainedSizes[retainedSizes.length - 1];
        return first < 0 ? 0 : Math.max(0, last - first);
    }
}
