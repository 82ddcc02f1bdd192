package heapscope.parser.graph;

import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.Blob;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a {@link HeapGraph}'s arrays under names starting with {@code graph.} and builds a graph from them again,
 * checking everything a graph's users rely on (every index in range, edges that add up), so that a damaged or
 * crafted store fails here with {@link StoreFormatException} instead of in a view. The graph is stored as it is after
 * the analysis (DOM renames and derived class names in the string table, self sizes turned into shallow sizes). A new
 * array of the graph is one more line in {@link #save} and in {@link #load}. Stateless. IO through the sink and source.
 */
public final class GraphStore {
    private GraphStore() {
    }

    public static void save(HeapGraph graph, ArraySink sink) throws IOException {
        saveRead(graph, sink);
        saveAnalysed(graph, sink);
    }

    /**
     * Stores the parts the analysis never changes: everything but the node names (DOM renames), the self sizes
     * (turned into shallow sizes) and the strings (names the analysis adds), so that they can be stored while the
     * analysis runs.
     */
    public static void saveRead(HeapGraph graph, ArraySink sink) throws IOException {
        Blob.Writer header = new Blob.Writer().putString(graph.format().jsonName()).putInt(graph.nodeCount())
                .putInt(graph.edgeCount()).putInt(graph.rootOrdinal()).putLong(graph.extraNativeBytes())
                .putLong(graph.createdMillis())
                .putStrings(graph.nodeTypeNames()).putStrings(graph.edgeTypeNames());
        FileNotes notes = graph.fileNotes();
        header.putInt(notes.details().size());
        for (FileNotes.Detail detail : notes.details()) {
            header.putString(detail.label()).putString(detail.text());
        }
        header.putStrings(notes.warnings());
        sink.bytes("graph.header", header.toByteArray());
        sink.bytes("graph.nodeTypes", graph.nodeTypes(), graph.nodeCount());
        graph.nodeIds().save(sink, "graph.nodeIds");
        sink.ints("graph.firstEdge", graph.firstEdgeIndex(), graph.nodeCount() + 1);
        graph.edgeTypesAndNames().save(sink, "graph.edgeTypesAndNames");
        sink.ints("graph.edgeTargets", graph.edgeTargets(), graph.edgeCount());
        if (graph.nodeDetachedness() != null) {
            sink.bytes("graph.detachedness", graph.nodeDetachedness());
        }
        if (graph.contentHashes() != null) {
            sink.ints("graph.contentHashes", graph.contentHashes(), graph.nodeCount());
        }
        graph.locations().save(sink, "graph.locations");
        graph.labels().save(sink, "graph.labels");
    }

    /** Stores the parts the analysis changes (see {@link #saveRead}), once it has finished. */
    public static void saveAnalysed(HeapGraph graph, ArraySink sink) throws IOException {
        sink.ints("graph.nodeNames", graph.nodeNames(), graph.nodeCount());
        graph.nodeSelfSizes().save(sink, "graph.selfSizes");
        graph.strings().save(sink, "graph.strings");
    }

    /**
     * The graph {@link #save} stored, with {@code contents} to read what its file holds beyond it, and its big arrays
     * where {@code columns} says (mapped from the store itself where it can).
     *
     * @throws StoreFormatException naming the first array that is missing or does not fit the others
     */
    public static HeapGraph load(ArraySource source, ObjectContents contents, Columns columns) throws IOException {
        Blob.Reader header = new Blob.Reader(source.bytes("graph.header"));
        HeapFormat format = formatNamed(header.getString());
        int nodeCount = header.getInt();
        int edgeCount = header.getInt();
        int root = header.getInt();
        long extraNativeBytes = header.getLong();
        long createdMillis = header.getLong();
        List<String> nodeTypeNames = header.getStrings();
        List<String> edgeTypeNames = header.getStrings();
        int detailCount = header.getInt();
        header.checkCount(detailCount, 8);
        List<FileNotes.Detail> details = new ArrayList<>(detailCount);
        for (int i = 0; i < detailCount; i++) {
            details.add(new FileNotes.Detail(header.getString(), header.getString()));
        }
        FileNotes notes = new FileNotes(details, header.getStrings());
        StoreFormatException.check(nodeCount > 0 && edgeCount >= 0, "the graph has no nodes");
        StoreFormatException.check(root == 0 || root == nodeCount - 1, "the root is neither the first nor the last node");
        StoreFormatException.check(nodeTypeNames.size() <= Byte.MAX_VALUE + 1
                && edgeTypeNames.size() <= EdgeTypesAndNames.MAX_TYPES, "too many type names");

        StringTable strings = StringTable.load(source, "graph.strings");
        int stringCount = strings.size();
        ByteColumn nodeTypes = source.byteColumn("graph.nodeTypes");
        IntColumn nodeNames = source.intColumn("graph.nodeNames", columns);
        StoreFormatException.check(nodeTypes.length() == nodeCount && nodeNames.length() == nodeCount,
                "node types or names do not match the node count");
        int typeCount = nodeTypeNames.size();
        for (int node = 0; node < nodeCount && !source.trusted(); node++) {
            int name = nodeNames.get(node);
            byte type = nodeTypes.get(node);
            StoreFormatException.check(type >= 0 && type < typeCount
                    && name >= 0 && name < stringCount, "a node is out of range");
        }
        NodeIds ids = NodeIds.load(source, "graph.nodeIds", nodeCount, columns);
        NodeSizes selfSizes = NodeSizes.load(source, "graph.selfSizes", nodeCount);
        IntColumn firstEdge = source.intColumn("graph.firstEdge", columns);
        checkFirstIndexes(source, firstEdge, nodeCount, edgeCount, "graph.firstEdge");
        EdgeTypesAndNames edgeTypesAndNames = EdgeTypesAndNames.load(source, "graph.edgeTypesAndNames", edgeCount,
                edgeTypeNames.size(), stringCount, columns);
        IntColumn targets = nodeOrdinals(source, "graph.edgeTargets", edgeCount, nodeCount, columns);
        byte[] detachedness = source.has("graph.detachedness") ? source.bytes("graph.detachedness") : null;
        StoreFormatException.check(detachedness == null || detachedness.length == nodeCount,
                "detachedness does not match the node count");
        IntColumn contentHashes = source.has("graph.contentHashes")
                ? source.intColumn("graph.contentHashes", columns) : null;
        StoreFormatException.check(contentHashes == null || contentHashes.length() == nodeCount,
                "content hashes do not match the node count");
        NodeLocations locations = NodeLocations.load(source, "graph.locations", nodeCount);
        NodeLabels labels = NodeLabels.load(source, "graph.labels", nodeCount, stringCount);
        return new HeapGraph(format, nodeCount, edgeCount, root, nodeTypes, nodeNames, ids, selfSizes, firstEdge,
                edgeTypesAndNames, targets, detachedness, contentHashes, createdMillis, locations, extraNativeBytes,
                strings, nodeTypeNames, edgeTypeNames, notes, contents, labels, columns);
    }

    /**
     * A column of {@code length} node ordinals (see {@link ArraySource#intColumn}), each checked to be below
     * {@code nodeCount} (unless trusted).
     */
    public static IntColumn nodeOrdinals(ArraySource source, String name, int length, int nodeCount, Columns columns)
            throws IOException {
        IntColumn nodes = source.intColumn(name, columns);
        StoreFormatException.check(nodes.length() == length, name + " has the wrong length");
        for (int i = 0; i < length && !source.trusted(); i++) {
            int node = nodes.get(i);
            StoreFormatException.check(node >= 0 && node < nodeCount, name, " names a node that does not exist");
        }
        return nodes;
    }

    /**
     * Checks a CSR index column: {@code count + 1} entries from 0 to {@code total}, never decreasing (unless
     * trusted); for the analyses' retainer and dominator lists too.
     */
    public static void checkFirstIndexes(ArraySource source, IntColumn first, int count, int total, String name)
            throws StoreFormatException {
        StoreFormatException.check(first.length() >= count + 1 && first.get(0) == 0 && first.get(count) == total,
                name + " does not span the list");
        for (int i = 0; i < count && !source.trusted(); i++) {
            StoreFormatException.check(first.get(i) <= first.get(i + 1), name, " decreases");
        }
    }

    private static HeapFormat formatNamed(String name) throws StoreFormatException {
        for (HeapFormat format : HeapFormat.values()) {
            if (format.jsonName().equals(name)) {
                return format;
            }
        }
        throw new StoreFormatException("unknown heap format " + name);
    }
}
