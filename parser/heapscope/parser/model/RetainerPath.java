package heapscope.parser.model;

import java.util.List;

/**
 * The chain the Retainers view expands by itself: the closest retainer of the object, then the closest retainer of
 * that one, and so on, until a user root (distance 1) is reached.
 *
 * @param steps {@code steps.get(0)} retains the object; {@code steps.get(k + 1)} retains {@code steps.get(k)}'s node
 * @param choices per step, how many retainers there were to choose from
 * @param stop why the chain ends
 */
public record RetainerPath(int node, List<RetainerEdge> steps, List<Integer> choices, Stop stop) {
    public enum Stop {
        /** The last retainer is a user root (or the root's direct child). */
        REACHED_ROOT,
        /** The last retainer already appears in the chain: a cycle, cut here. */
        CYCLE,
        /** The object or the last retainer has no retainer to follow. */
        NO_RETAINERS,
        /** The last retainer no longer reaches a root with the ignored retainers left out. */
        UNREACHABLE,
        /** The chain reached its length limit. */
        MAX_LENGTH
    }
}
