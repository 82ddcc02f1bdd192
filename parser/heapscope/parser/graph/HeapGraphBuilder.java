package heapscope.parser.graph;

import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fills the arrays of a {@link HeapGraph} from a reader. Nodes are added in ordinal order, each with the number of
 * edges it owns; edges are added in the same node order (all of node 0's, then node 1's, ...), either interleaved with
 * the nodes (HPROF) or after all of them (V8). Arrays are allocated once at the capacities given, which the file
 * states (V8) or a first pass counted (HPROF); {@link #build()} checks that the graph is complete and consistent.
 *
 * <p>Single-threaded: one reader fills one builder. No IO.
 */
public final class HeapGraphBuilder {
    final HeapFormat format;
    final StringTable strings;
    final byte[] nodeTypes;
    final int[] nodeNames;
    final NodeIds nodeIds;
    final NodeSizes nodeSelfSizes;
    final int[] firstEdgeIndex;
    final EdgeTypesAndNames edgeTypesAndNames;
    /** The targets, at the capacity given until trimmed. */
    IntColumn edgeTargets;
    final Columns columns;
    final NodeLocations.Builder locations = new NodeLocations.Builder();
    final List<String> nodeTypeNames = new ArrayList<>(NodeType.KNOWN_NAMES);
    final List<String> edgeTypeNames = new ArrayList<>(EdgeType.KNOWN_NAMES);
    byte[] nodeDetachedness;
    int[] contentHashes;
    long createdMillis;
    int nodeCount;
    int edgeCount;
    int rootOrdinal;
    long extraNativeBytes;
    FileNotes fileNotes = FileNotes.NONE;
    ObjectContents objectContents = ObjectContents.none("Field values are read from Java heap dumps (.hprof). A V8"
            + " object's values are its references: expand it in Containment or Summary.");
    final NodeLabels.Builder labels = new NodeLabels.Builder();
    /** Sum of the edge counts the added nodes declared; must equal the edges added when the graph is built. */
    private long declaredEdges;

    /** A builder whose arrays are all on the Java heap. */
    public HeapGraphBuilder(HeapFormat format, int nodeCapacity, int edgeCapacity, StringTable strings) {
        this(format, nodeCapacity, edgeCapacity, strings, Columns.ON_HEAP);
    }

    /**
     * A builder whose ids and edge arrays live where {@code columns} says, and whose graph hands {@code columns} on
     * to the analyses.
     */
    public HeapGraphBuilder(HeapFormat format, int nodeCapacity, int edgeCapacity, StringTable strings,
            Columns columns) {
        this.format = format;
        this.columns = columns;
        this.strings = strings;
        this.nodeTypes = new byte[nodeCapacity];
        this.nodeNames = new int[nodeCapacity];
        this.nodeIds = new NodeIds(nodeCapacity, format == HeapFormat.V8_HEAPSNAPSHOT, columns);
        this.nodeSelfSizes = new NodeSizes(nodeCapacity);
        this.firstEdgeIndex = new int[nodeCapacity + 1];
        this.edgeTypesAndNames = new EdgeTypesAndNames(edgeCapacity, columns);
        this.edgeTargets = columns.ints(edgeCapacity);
    }

    /**
     * Registers a node type name that is not among {@link NodeType#KNOWN_NAMES} and returns its code, or the
     * known code when it is one.
     */
    public byte nodeTypeCode(String name) {
        return typeCode(nodeTypeNames, name);
    }

    /** Like {@link #nodeTypeCode} for edge types. */
    public byte edgeTypeCode(String name) {
        byte code = typeCode(edgeTypeNames, name);
        if (code >= EdgeTypesAndNames.MAX_TYPES) {
            throw new GraphFormatException("more than " + EdgeTypesAndNames.MAX_TYPES + " edge types");
        }
        return code;
    }

    private static byte typeCode(List<String> names, String name) {
        int code = names.indexOf(name);
        if (code < 0) {
            names.add(name);
            code = names.size() - 1;
        }
        if (code > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("too many distinct type names");
        }
        return (byte) code;
    }

    /** Adds the next node and returns its ordinal. */
    public int addNode(byte type, int nameIndex, long id, long selfSize, int ownedEdgeCount) {
        int ordinal = nodeCount++;
        nodeTypes[ordinal] = type;
        nodeNames[ordinal] = nameIndex;
        nodeIds.set(ordinal, id);
        nodeSelfSizes.set(ordinal, selfSize);
        firstEdgeIndex[ordinal] = (int) declaredEdges;
        declaredEdges += ownedEdgeCount;
        if (declaredEdges > edgeTargets.length()) {
            throw new GraphFormatException("the nodes declare more edges (" + declaredEdges + ") than the "
                    + edgeTargets.length() + " the file announced");
        }
        return ordinal;
    }

    /** Adds the next edge; it belongs to the node whose declared edges it falls into. */
    public void addEdge(byte type, int nameOrIndex, int targetOrdinal) {
        int index = edgeCount++;
        edgeTypesAndNames.set(index, type, nameOrIndex);
        edgeTargets.set(index, targetOrdinal);
    }

    public void setDetachedness(int ordinal, byte state) {
        if (nodeDetachedness == null) {
            nodeDetachedness = new byte[nodeTypes.length];
        }
        nodeDetachedness[ordinal] = state;
    }

    /** Gives a node its content hash (see {@link HeapGraph#contentHashes}); readers that can tell objects' values call it. */
    public void setContentHash(int ordinal, int hash) {
        if (contentHashes == null) {
            contentHashes = new int[nodeTypes.length];
        }
        contentHashes[ordinal] = hash;
    }

    public void addLocation(int nodeOrdinal, int scriptId, int line, int column) {
        locations.add(nodeOrdinal, scriptId, line, column);
    }

    public void setRootOrdinal(int rootOrdinal) {
        this.rootOrdinal = rootOrdinal;
    }

    /** When the file says the heap was dumped, in milliseconds since the epoch (HPROF's header has it). */
    public void setCreatedMillis(long createdMillis) {
        this.createdMillis = createdMillis;
    }

    public void setExtraNativeBytes(long extraNativeBytes) {
        this.extraNativeBytes = extraNativeBytes;
    }

    /** Gives a node an extra display label (a string-table index); see {@link HeapGraph#nodeLabel}. */
    public void addNodeLabel(int ordinal, int labelIndex) {
        labels.add(ordinal, labelIndex);
    }

    public void setFileNotes(FileNotes fileNotes) {
        this.fileNotes = fileNotes;
    }

    /** How to read objects' text and fields from the file (see {@link HeapGraph#objectText}). */
    public void setObjectContents(ObjectContents objectContents) {
        this.objectContents = objectContents;
    }

    /**
     * Lowers the edge capacity to the edges added so far, for a reader that could only bound the edge count before
     * its last pass (the HPROF reader drops references to objects the file does not contain, which it learns only
     * while adding edges). Copies the edge arrays on the heap when they are larger than needed. Call it after the
     * last edge.
     */
    public void trimEdgeCapacityToAdded() {
        if (edgeCount < edgeTargets.length()) {
            edgeTypesAndNames.trimTo(edgeCount);
            edgeTargets = edgeTargets.onHeap() ? IntColumn.of(Arrays.copyOf(edgeTargets.array(), edgeCount))
                    : edgeTargets.prefix(edgeCount);
        }
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int edgeCount() {
        return edgeCount;
    }

    /**
     * Checks the graph and hands its arrays over.
     *
     * @throws GraphFormatException naming what is inconsistent: counts that differ from the capacities, edges that
     *     do not add up to the nodes' declared counts, an edge target out of range, a name index out of range
     */
    public HeapGraph build() {
        if (nodeCount != nodeTypes.length) {
            throw new GraphFormatException("the file announces " + nodeTypes.length + " nodes but holds " + nodeCount);
        }
        if (edgeCount != edgeTargets.length()) {
            throw new GraphFormatException("the file announces " + edgeTargets.length() + " edges but holds "
                    + edgeCount);
        }
        if (declaredEdges != edgeCount) {
            throw new GraphFormatException("the nodes' edge counts add up to " + declaredEdges + " but the file holds "
                    + edgeCount + " edges");
        }
        if (nodeCount == 0) {
            throw new GraphFormatException("the heap has no nodes");
        }
        if (rootOrdinal != 0 && rootOrdinal != nodeCount - 1) {
            throw new GraphFormatException("the root must be the first or the last node, not node " + rootOrdinal);
        }
        firstEdgeIndex[nodeCount] = edgeCount;
        int stringCount = strings.size();
        for (int i = 0; i < nodeCount; i++) {
            if (nodeNames[i] < 0 || nodeNames[i] >= stringCount) {
                throw new GraphFormatException("node " + i + " names string " + nodeNames[i] + " but there are only "
                        + stringCount + " strings");
            }
        }
        for (int e = 0; e < edgeCount; e++) {
            int target = edgeTargets.get(e);
            if (target < 0 || target >= nodeCount) {
                throw new GraphFormatException("edge " + e + " points to node " + target + " but there are only "
                        + nodeCount + " nodes");
            }
            int name = edgeTypesAndNames.name(e);
            if (!EdgeType.hasNumericName(edgeTypesAndNames.type(e)) && (name < 0 || name >= stringCount)) {
                throw new GraphFormatException("edge " + e + " names string " + name + " but there are only "
                        + stringCount + " strings");
            }
        }
        return new HeapGraph(this);
    }
}
