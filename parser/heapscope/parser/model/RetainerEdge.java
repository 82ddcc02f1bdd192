package heapscope.parser.model;

/**
 * One row of the Retainers view: the edge {@code edgeIndex} from {@code retainerNode} to the selected object.
 *
 * @param sortDistance the retainer's distance as the Retainers view sorts by it: its distance with the ignored nodes
 *     left out, moved past {@code Distances.BASE_UNREACHABLE_DISTANCE} when it can no longer reach a root (or when the
 *     edge is the unusable half of a WeakMap pair)
 * @param retainerIgnored whether the user chose to ignore this retainer
 */
public record RetainerEdge(int retainerNode, int edgeIndex, int sortDistance, boolean retainerIgnored) {
}
