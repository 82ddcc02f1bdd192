package heapscope.parser.view;

/**
 * One reference as a grid row shows it. In Containment and under Summary instances the node is the edge's target:
 * {@code label :: Node @id}; in Retainers it is the edge's source, the retainer, and the row reads as DevTools' does:
 * {@code label in Node @id}. A plain value.
 *
 * @param edgeIndex the edge's index in the graph
 * @param edgeType the edge type name ({@code property}, {@code element}, {@code context}, ...)
 * @param edgeLabel the edge's name as DevTools writes it: {@code [3]} for elements, {@code (empty)} for no name
 * @param node the node at the other end of the edge
 * @param retainer whether the node is the edge's source (a Retainers row)
 */
public record EdgeRow(int edgeIndex, String edgeType, String edgeLabel, NodeRow node, boolean retainer) {

    /** {@code label :: Node @id}, or {@code label in Node @id} for a retainer. */
    public String label() {
        return edgeLabel + separator() + node.label();
    }

    /** What stands between the edge's name and the node: {@code " :: "}, or {@code " in "} for a retainer. */
    public String separator() {
        return retainer ? " in " : " :: ";
    }
}
