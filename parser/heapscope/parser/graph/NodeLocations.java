package heapscope.parser.graph;

import com.carrotsearch.hppc.IntArrayList;
import java.util.Arrays;

/**
 * Source locations of V8 nodes (script id, line, column; 0-based as V8 writes them), as a table sorted by node
 * ordinal, so that a pass over the nodes in order walks it alongside. Immutable; thread-safe. No IO.
 */
public final class NodeLocations {
    private final int[] nodes;
    private final int[] scriptIds;
    private final int[] lines;
    private final int[] columns;

    private NodeLocations(int[] nodes, int[] scriptIds, int[] lines, int[] columns) {
        this.nodes = nodes;
        this.scriptIds = scriptIds;
        this.lines = lines;
        this.columns = columns;
    }

    /** The node ordinal at a position; positions are in ascending node order. */
    public int node(int position) {
        return nodes[position];
    }

    public int scriptId(int position) {
        return scriptIds[position];
    }

    public int line(int position) {
        return lines[position];
    }

    public int column(int position) {
        return columns[position];
    }

    public int size() {
        return nodes.length;
    }

    long retainedBytes() {
        return 16L * nodes.length;
    }

    /** Collects locations in any order; a later location for the same node replaces the earlier one. */
    static final class Builder {
        private final IntArrayList nodes = new IntArrayList();
        private final IntArrayList scriptIds = new IntArrayList();
        private final IntArrayList lines = new IntArrayList();
        private final IntArrayList columns = new IntArrayList();

        void add(int nodeOrdinal, int scriptId, int line, int column) {
            nodes.add(nodeOrdinal);
            scriptIds.add(scriptId);
            lines.add(line);
            columns.add(column);
        }

        NodeLocations build() {
            int n = nodes.size();
            boolean sorted = true;
            for (int i = 1; i < n && sorted; i++) {
                sorted = nodes.get(i - 1) < nodes.get(i);
            }
            if (sorted) {
                return new NodeLocations(nodes.toArray(), scriptIds.toArray(), lines.toArray(), columns.toArray());
            }
            // Sort positions by node, later positions after earlier ones, then keep the last entry of each node.
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) {
                keyed[i] = ((long) nodes.get(i) << 32) | i;
            }
            Arrays.sort(keyed);
            IntArrayList keep = new IntArrayList(n);
            for (int i = 0; i < n; i++) {
                boolean lastOfNode = i + 1 == n || (keyed[i + 1] >>> 32) != (keyed[i] >>> 32);
                if (lastOfNode) {
                    keep.add((int) keyed[i]);
                }
            }
            int m = keep.size();
            int[] outNodes = new int[m];
            int[] outScripts = new int[m];
            int[] outLines = new int[m];
            int[] outColumns = new int[m];
            for (int i = 0; i < m; i++) {
                int from = keep.get(i);
                outNodes[i] = nodes.get(from);
                outScripts[i] = scriptIds.get(from);
                outLines[i] = lines.get(from);
                outColumns[i] = columns.get(from);
            }
            return new NodeLocations(outNodes, outScripts, outLines, outColumns);
        }
    }
}
