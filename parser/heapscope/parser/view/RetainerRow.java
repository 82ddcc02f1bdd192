package heapscope.parser.view;

import heapscope.parser.analysis.Distances;

/**
 * One row of the Retainers pane: a retaining reference with how the Retainers view ranks it.
 *
 * @param edge the reference, with the retainer as its node
 * @param sortDistance the retainer's distance with the ignored retainers left out (see {@code RetainerEdge})
 * @param ignored whether the user chose to ignore this retainer
 */
public record RetainerRow(EdgeRow edge, int sortDistance, boolean ignored) {

    /** Whether the retainer no longer reaches a root once the ignored retainers are left out. */
    public boolean unreachable() {
        return sortDistance >= Distances.BASE_UNREACHABLE_DISTANCE;
    }
}
