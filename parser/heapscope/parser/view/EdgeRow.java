package heapscope.parser.view;

/**
 * One reference as a grid row shows it: {@code label :: Node @id}. In Containment and under Summary instances the node
 * is the edge's target; in Retainers it is the edge's source (the retainer). A plain value.
 *
 * @param edgeIndex the edge's index in the graph
 * @param edgeType the edge type name ({@code property}, {@code element}, {@code context}, ...)
 * @param edgeLabel the edge's name as DevTools writes it: {@code [3]} for elements, {@code (empty)} for no name
 * @param node the node at the other end of the edge
 */
public record EdgeRow(int edgeIndex, String edgeType, String edgeLabel, NodeRow node) {

    /** {@code label :: Node @id}. */
    public String label() {
        return edgeLabel + " :: " + node.label();
    }
}
