package heapscope.parser.graph;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Extra display labels a reader gives a few nodes, as string-table indexes looked up by node ordinal with a binary
 * search over the sorted list of labelled nodes; e.g. the HPROF reader labels each class-object node (named
 * {@code java.lang.Class}, as the JVM counts it) with the class it stands for: {@code class java.util.HashMap}.
 * Immutable; thread-safe. No IO but {@link #save} and {@link #load}.
 */
public final class NodeLabels {
    private final int[] nodes;
    private final int[] labels;

    private NodeLabels(int[] nodes, int[] labels) {
        this.nodes = nodes;
        this.labels = labels;
    }

    /** The string index of the node's label, or -1 when it has none. */
    public int labelIndex(int nodeOrdinal) {
        int at = Arrays.binarySearch(nodes, nodeOrdinal);
        return at < 0 ? -1 : labels[at];
    }

    public int size() {
        return nodes.length;
    }

    long retainedBytes() {
        return 8L * nodes.length;
    }

    void save(ArraySink sink, String name) throws IOException {
        sink.ints(name + ".nodes", nodes);
        sink.ints(name + ".labels", labels);
    }

    /** What {@link #save} stored, checked: nodes in order below {@code nodeCount}, labels below {@code stringCount}. */
    static NodeLabels load(ArraySource source, String name, int nodeCount, int stringCount) throws IOException {
        int[] nodes = source.ints(name + ".nodes");
        int[] labels = source.ints(name + ".labels");
        StoreFormatException.check(labels.length == nodes.length, name + ": labels without their nodes");
        for (int i = 0; i < nodes.length && !source.trusted(); i++) {
            StoreFormatException.check(nodes[i] >= 0 && nodes[i] < nodeCount && (i == 0 || nodes[i] > nodes[i - 1])
                    && labels[i] >= 0 && labels[i] < stringCount, name, ": a label is out of range");
        }
        return new NodeLabels(nodes, labels);
    }

    /** Collects labels in any order; a later label for the same node replaces the earlier one. */
    static final class Builder {
        private final IntArrayList nodes = new IntArrayList();
        private final IntArrayList labels = new IntArrayList();

        void add(int nodeOrdinal, int labelIndex) {
            nodes.add(nodeOrdinal);
            labels.add(labelIndex);
        }

        NodeLabels build() {
            int n = nodes.size();
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) {
                keyed[i] = ((long) nodes.get(i) << 32) | i;
            }
            Arrays.sort(keyed);
            IntArrayList outNodes = new IntArrayList(n);
            IntArrayList outLabels = new IntArrayList(n);
            for (int i = 0; i < n; i++) {
                boolean lastOfNode = i + 1 == n || (keyed[i + 1] >>> 32) != (keyed[i] >>> 32);
                if (lastOfNode) {
                    outNodes.add((int) (keyed[i] >>> 32));
                    outLabels.add(labels.get((int) keyed[i]));
                }
            }
            return new NodeLabels(outNodes.toArray(), outLabels.toArray());
        }
    }
}
