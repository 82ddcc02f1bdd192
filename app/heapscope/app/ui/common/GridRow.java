package heapscope.app.ui.common;

import heapscope.parser.model.ClassAggregate;
import heapscope.parser.view.EdgeRow;
import heapscope.parser.view.NodeRow;

/**
 * One row of a heap grid (Summary, Containment, Dominators, Retainers, Comparison): what the cells show, as plain
 * values made by the engine's view providers. The grids never compute on the graph; they only format these values.
 */
public sealed interface GridRow {
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
     * An object, reached through an edge or not: {@code Name @id} or {@code edge :: Name @id}. A {@code cycle} row is
     * an object that is already one of its ancestors in the tree (Retainers); it cannot be expanded.
     */
    record NodeItem(NodeRow node, EdgeRow edge, boolean cycle) implements GridRow {
        public NodeItem(NodeRow node) {
            this(node, null, false);
        }

        public NodeItem(EdgeRow edge, boolean cycle) {
            this(edge.node(), edge, cycle);
        }

        @Override
        public String label() {
            return edge == null ? node.label() : edge.label();
        }

        @Override
        public String key() {
            return edge == null ? "node:" + node.ordinal() : "edge:" + edge.edgeIndex();
        }
    }

    /** The last row of a partly loaded list: "Show next 100", "Show all". */
    record MoreRow(int loaded, int total) implements GridRow {
        @Override
        public String label() {
            return Sizes.count(total - loaded) + " more";
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
