package heapscope.parser.graph;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Source locations of V8 nodes (script id, line, column; 0-based as V8 writes them), as a table sorted by node
 * ordinal, so that a pass over the nodes in order walks it alongside. Objects of one constructor share one location,
 * so each row holds the node and the id of its distinct location ("place"): 8 bytes a row. Immutable; thread-safe.
 * No IO but {@link #save} and {@link #load}.
 */
public final class NodeLocations {
    private final int[] nodes;
    private final int[] placeByRow;
    private final int[] scriptIds;
    private final int[] lines;
    private final int[] columns;

    private NodeLocations(int[] nodes, int[] placeByRow, int[] scriptIds, int[] lines, int[] columns) {
        this.nodes = nodes;
        this.placeByRow = placeByRow;
        this.scriptIds = scriptIds;
        this.lines = lines;
        this.columns = columns;
    }

    /** The node ordinal at a position; positions are in ascending node order. */
    public int node(int position) {
        return nodes[position];
    }

    /** The id of the row's distinct location: rows with equal script, line and column have equal places. */
    public int place(int position) {
        return placeByRow[position];
    }

    public int scriptId(int position) {
        return scriptIds[placeByRow[position]];
    }

    public int line(int position) {
        return lines[placeByRow[position]];
    }

    public int column(int position) {
        return columns[placeByRow[position]];
    }

    public int size() {
        return nodes.length;
    }

    long retainedBytes() {
        return 8L * nodes.length + 12L * scriptIds.length;
    }

    void save(ArraySink sink, String name) throws IOException {
        sink.ints(name + ".nodes", nodes);
        sink.ints(name + ".places", placeByRow);
        sink.ints(name + ".scriptIds", scriptIds);
        sink.ints(name + ".lines", lines);
        sink.ints(name + ".columns", columns);
    }

    /** What {@link #save} stored, checked: rows in node order, of nodes below {@code nodeCount}, with places. */
    static NodeLocations load(ArraySource source, String name, int nodeCount) throws IOException {
        int[] nodes = source.ints(name + ".nodes");
        int[] places = source.ints(name + ".places");
        int[] scriptIds = source.ints(name + ".scriptIds");
        int[] lines = source.ints(name + ".lines");
        int[] columns = source.ints(name + ".columns");
        StoreFormatException.check(places.length == nodes.length && lines.length == scriptIds.length
                && columns.length == scriptIds.length, name + ": columns of different lengths");
        for (int i = 0; i < nodes.length && !source.trusted(); i++) {
            StoreFormatException.check(nodes[i] >= 0 && nodes[i] < nodeCount && (i == 0 || nodes[i] > nodes[i - 1])
                    && places[i] >= 0 && places[i] < scriptIds.length, name, ": a row is out of range");
        }
        return new NodeLocations(nodes, places, scriptIds, lines, columns);
    }

    /** Collects locations in any order; a later location for the same node replaces the earlier one. */
    static final class Builder {
        private final IntArrayList nodes = new IntArrayList();
        private final IntArrayList places = new IntArrayList();
        private final IntArrayList scriptIds = new IntArrayList();
        private final IntArrayList lines = new IntArrayList();
        private final IntArrayList columns = new IntArrayList();
        private final LongIntHashMap lineKeys = new LongIntHashMap();
        private final LongIntHashMap placeKeys = new LongIntHashMap();

        void add(int nodeOrdinal, int scriptId, int line, int column) {
            int scriptLine = idOf(lineKeys, pack(scriptId, line));
            long key = pack(scriptLine, column);
            int place = placeKeys.getOrDefault(key, -1);
            if (place < 0) {
                place = scriptIds.size();
                placeKeys.put(key, place);
                scriptIds.add(scriptId);
                lines.add(line);
                columns.add(column);
            }
            nodes.add(nodeOrdinal);
            places.add(place);
        }

        private static long pack(int high, int low) {
            return ((long) high << 32) | (low & 0xFFFFFFFFL);
        }

        private static int idOf(LongIntHashMap ids, long key) {
            int id = ids.getOrDefault(key, -1);
            if (id < 0) {
                id = ids.size();
                ids.put(key, id);
            }
            return id;
        }

        NodeLocations build() {
            int n = nodes.size();
            boolean sorted = true;
            for (int i = 1; i < n && sorted; i++) {
                sorted = nodes.get(i - 1) < nodes.get(i);
            }
            int[] outNodes;
            int[] outPlaces;
            if (sorted) {
                outNodes = nodes.toArray();
                outPlaces = places.toArray();
            } else {
                // Sort rows by node, later rows after earlier ones, then keep the last row of each node.
                long[] keyed = new long[n];
                for (int i = 0; i < n; i++) {
                    keyed[i] = ((long) nodes.get(i) << 32) | i;
                }
                Arrays.sort(keyed);
                IntArrayList keepNodes = new IntArrayList(n);
                IntArrayList keepPlaces = new IntArrayList(n);
                for (int i = 0; i < n; i++) {
                    boolean lastOfNode = i + 1 == n || (keyed[i + 1] >>> 32) != (keyed[i] >>> 32);
                    if (lastOfNode) {
                        keepNodes.add((int) (keyed[i] >>> 32));
                        keepPlaces.add(places.get((int) keyed[i]));
                    }
                }
                outNodes = keepNodes.toArray();
                outPlaces = keepPlaces.toArray();
            }
            return new NodeLocations(outNodes, outPlaces, scriptIds.toArray(), lines.toArray(), columns.toArray());
        }
    }
}
