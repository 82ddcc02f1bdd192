package heapscope.app.ui.common;

import heapscope.parser.view.Units;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.view.EdgeRow;
import heapscope.parser.view.NodeRow;

/**
 * One row of a heap grid (Summary, Containment, Dominators, Retainers, Comparison): what the cells show, as plain
 * values made by the engine's view providers. The grids never compute on the graph; they only format these values.
 */
public sealed interface GridRow {
    /** Keys of object rows: {@code node:<ordinal>}, and {@code edge:<edge index>} for a reference. */
    String NODE_KEY = "node:";
    String EDGE_KEY = "edge:";

    /** The Object/Constructor column. */
    String label();

    /** A key that names the row among its siblings across reloads (to keep it expanded after a re-sort). */
    String key();

    /** A class of the Summary: {@code Name ×count}. */
    record ClassRow(ClassAggregate aggregate) implements GridRow {
        @Override
        public String label() {
            return aggregate.name();
        }

        @Override
        public String key() {
            return "class:" + aggregate.key();
        }
    }

    /**
     * An object, reached through an edge or not: {@code Name @id} or {@code edge :: Name @id}. In Retainers, a
     * {@code cycle} row is an object that is already one of its ancestors in the tree (it cannot be expanded), an
     * {@code ignored} row a retainer the user chose to ignore, and an {@code unreachable} row a retainer that reaches
     * no root without the ignored ones.
     */
    record NodeItem(NodeRow node, EdgeRow edge, boolean cycle, boolean ignored, boolean unreachable)
            implements GridRow {
        public NodeItem(NodeRow node) {
            this(node, null, false, false, false);
        }

        public NodeItem(EdgeRow edge) {
            this(edge.node(), edge, false, false, false);
        }

        @Override
        public String label() {
            return edge == null ? node.label() : edge.label();
        }

        @Override
        public String key() {
            return edge == null ? NODE_KEY + node.ordinal() : EDGE_KEY + edge.edgeIndex();
        }
    }

    /** A class of the Comparison: what is new in the target and deleted since the base. */
    record DiffRow(ClassDiff diff) implements GridRow {
        @Override
        public String label() {
            return diff.name();
        }

        @Override
        public String key() {
            return "diff:" + diff.key();
        }
    }

    /** An instance under a Comparison class: new (from the target heap) or deleted (from the base heap). */
    record DiffInstance(NodeRow node, boolean added) implements GridRow {
        @Override
        public String label() {
            return node.label();
        }

        @Override
        public String key() {
            return (added ? "new:" : "deleted:") + node.ordinal();
        }
    }

    /** The last row of a partly loaded list: "Show next 100", "Show all". */
    record MoreRow(int loaded, int total) implements GridRow {
        @Override
        public String label() {
            return Units.count(total - loaded) + " more";
        }

        @Override
        public String key() {
            return "more";
        }
    }

    /** A placeholder: "Loading…", "No retainers", an error. */
    record MessageRow(String text) implements GridRow {
        @Override
        public String label() {
            return text;
        }

        @Override
        public String key() {
            return "message";
        }
    }
}
