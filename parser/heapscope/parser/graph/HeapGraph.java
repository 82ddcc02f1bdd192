package heapscope.parser.graph;

import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import java.util.List;

/**
 * A heap as a graph in flat primitive arrays, whatever file it came from. Nodes are addressed by their dense
 * <em>ordinal</em> (0 to {@code nodeCount - 1}); the edges of node {@code n} are the edge indexes
 * {@code firstEdgeIndex[n]} to {@code firstEdgeIndex[n + 1] - 1} (CSR layout). Reverse edges (retainers) are built
 * by the analysis pipeline, not stored here.
 *
 * <p>Memory: per node 1 (type) + 4 (name) + 4 (id, see {@link NodeIds}) + 2 (self size, see {@link NodeSizes})
 * + 4 (first edge) = 15 bytes (19 for HPROF, with a 4-byte content hash); per edge 4 (type and name, see
 * {@link EdgeTypesAndNames}) + 4 (target) = 8 bytes; plus the {@link StringTable}. When the heap will not hold them,
 * the ids and the edges' types and names are mapped off it (see {@link #columns()}); restored from a cache entry,
 * every per-node and per-edge column is used where the entry maps it, read-only, and none is copied onto the heap.
 *
 * <p>Not immutable: the analysis ({@code HeapAnalyzer}) changes three parts in place, as DevTools does, on one thread
 * before the graph is shared: self sizes become shallow sizes, detached DOM nodes get new names, and the string table
 * gains the names it derives. Read-only after that, and then safe to read from several threads. The accessors hand out
 * the columns themselves, without copying, for the analyses' hot loops: other callers must not write to them. No IO,
 * except through {@link #objectText} and {@link #objectFields}.
 */
public final class HeapGraph {
    /**
     * The low bits of an array's content hash that are its length's low bits (see {@link #contentHashes}): an aligned
     * self size leaves an array's length open only within the alignment (up to 16 bytes), which these bits close.
     */
    public static final int ARRAY_LENGTH_BITS = 0xF;

    private final HeapFormat format;
    private final int nodeCount;
    private final int edgeCount;
    private final int rootOrdinal;
    private final ByteColumn nodeTypes;
    private final IntColumn nodeNames;
    private final NodeIds nodeIds;
    private final NodeSizes nodeSelfSizes;
    private final IntColumn firstEdgeIndex;
    private final EdgeTypesAndNames edgeTypesAndNames;
    private final IntColumn edgeTargets;
    private final byte[] nodeDetachedness;
    private final IntColumn contentHashes;
    private final long createdMillis;
    private final NodeLocations locations;
    private final long extraNativeBytes;
    private final StringTable strings;
    private final List<String> nodeTypeNames;
    private final List<String> edgeTypeNames;
    private final FileNotes fileNotes;
    private final ObjectContents objectContents;
    private final NodeLabels labels;
    private final Columns columns;

    HeapGraph(HeapGraphBuilder b) {
        this(b.format, b.nodeCount, b.edgeCount, b.rootOrdinal, ByteColumn.of(b.nodeTypes), IntColumn.of(b.nodeNames),
                b.nodeIds,
                b.nodeSelfSizes, IntColumn.of(b.firstEdgeIndex), b.edgeTypesAndNames, b.edgeTargets,
                b.nodeDetachedness, b.contentHashes == null ? null : IntColumn.of(b.contentHashes),
                b.createdMillis, b.locations.build(), b.extraNativeBytes, b.strings, b.nodeTypeNames, b.edgeTypeNames,
                b.fileNotes, b.objectContents, b.labels.build(), b.columns);
    }

    /** Every part, as {@link HeapGraphBuilder} and {@link GraphStore} make them. */
    HeapGraph(HeapFormat format, int nodeCount, int edgeCount, int rootOrdinal, ByteColumn nodeTypes,
            IntColumn nodeNames, NodeIds nodeIds, NodeSizes nodeSelfSizes, IntColumn firstEdgeIndex,
            EdgeTypesAndNames edgeTypesAndNames, IntColumn edgeTargets, byte[] nodeDetachedness,
            IntColumn contentHashes, long createdMillis,
            NodeLocations locations, long extraNativeBytes, StringTable strings, List<String> nodeTypeNames,
            List<String> edgeTypeNames, FileNotes fileNotes, ObjectContents objectContents, NodeLabels labels,
            Columns columns) {
        this.format = format;
        this.nodeCount = nodeCount;
        this.edgeCount = edgeCount;
        this.rootOrdinal = rootOrdinal;
        this.nodeTypes = nodeTypes;
        this.nodeNames = nodeNames;
        this.nodeIds = nodeIds;
        this.nodeSelfSizes = nodeSelfSizes;
        this.firstEdgeIndex = firstEdgeIndex;
        this.edgeTypesAndNames = edgeTypesAndNames;
        this.edgeTargets = edgeTargets;
        this.nodeDetachedness = nodeDetachedness;
        this.contentHashes = contentHashes;
        this.createdMillis = createdMillis;
        this.locations = locations;
        this.extraNativeBytes = extraNativeBytes;
        this.strings = strings;
        this.nodeTypeNames = List.copyOf(nodeTypeNames);
        this.edgeTypeNames = List.copyOf(edgeTypeNames);
        this.fileNotes = fileNotes;
        this.objectContents = objectContents;
        this.labels = labels;
        this.columns = columns;
    }

    /**
     * Where the big arrays of this heap live, on the Java heap or mapped off it: chosen for the file by its reader
     * (or the store it was restored from) from its memory estimate; the analyses put theirs there too.
     */
    public Columns columns() {
        return columns;
    }

    public HeapFormat format() {
        return format;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** The ordinal of the synthetic root every analysis starts from (0 unless the file says otherwise). */
    public int rootOrdinal() {
        return rootOrdinal;
    }

    /** {@link NodeType} code by node ordinal (on the heap, or mapped read-only from a cache entry). */
    public ByteColumn nodeTypes() {
        return nodeTypes;
    }

    /**
     * {@link StringTable} index of the node's name, by node ordinal (on the heap, or mapped read-only from a cache
     * entry).
     */
    public IntColumn nodeNames() {
        return nodeNames;
    }

    /** The node's id in its file: V8 snapshot object id, or HPROF object address. */
    public long nodeId(int ordinal) {
        return nodeIds.get(ordinal);
    }

    /**
     * The node's self size in bytes as the file states it (for HPROF, as the inferred layout gives it). The analysis
     * turns these into DevTools' shallow sizes in place (owned arrays folded into their owner), so after it they are
     * the Shallow Size column.
     */
    public NodeSizes nodeSelfSizes() {
        return nodeSelfSizes;
    }

    /**
     * First edge index by node ordinal; {@code nodeCount + 1} entries (on the heap, or mapped read-only from a cache
     * entry).
     */
    public IntColumn firstEdgeIndex() {
        return firstEdgeIndex;
    }

    /** The edge's {@link EdgeType} code. */
    public byte edgeType(int edgeIndex) {
        return edgeTypesAndNames.type(edgeIndex);
    }

    /** The edge's element index for {@link EdgeType#hasNumericName numeric} types, else its string index. */
    public int edgeNameIndex(int edgeIndex) {
        return edgeTypesAndNames.name(edgeIndex);
    }

    /** Target node ordinal by edge index, {@code edgeCount} of them (on the heap or mapped, see {@link #columns()}). */
    public IntColumn edgeTargets() {
        return edgeTargets;
    }

    /** The edge's target node ordinal. */
    public int edgeTarget(int edgeIndex) {
        return edgeTargets.get(edgeIndex);
    }

    /**
     * The target of the node's first edge with this name ({@code threadLocals}, {@code <classloader>}), or -1. Element
     * edges are skipped: their names are indexes, never a field's or an internal edge's name.
     */
    public int namedEdgeTarget(int node, String edgeName) {
        for (int e = firstEdgeIndex.get(node); e < firstEdgeIndex.get(node + 1); e++) {
            if (!EdgeType.hasNumericName(edgeType(e)) && edgeName.equals(strings.get(edgeNameIndex(e)))) {
                return edgeTargets.get(e);
            }
        }
        return -1;
    }

    /** V8 DOM link state by node ordinal (0 unknown, 1 attached, 2 detached), or null when the file has none. */
    public byte[] nodeDetachedness() {
        return nodeDetachedness;
    }

    /**
     * Content hash by node ordinal, or null when the file does not tell objects' values (V8). A hash of what an object
     * holds that identifies it across dumps of one process whatever its address: for HPROF its primitive field values
     * and the values of the Strings and boxed numbers it refers to (see the reader's {@code ContentHashes}). Two
     * objects of one class with different hashes hold different values; equal hashes mean equal values but for
     * collisions. An array's hash carries its length's low bits in {@link #ARRAY_LENGTH_BITS}, so that two arrays of
     * one class with equal self sizes are known to be of one length when those bits are equal too. The reader that
     * built the graph finishes the array before handing the graph out.
     */
    public IntColumn contentHashes() {
        return contentHashes;
    }

    /** When the heap was dumped, in milliseconds since the epoch, as the file says; 0 when it does not (V8). */
    public long createdMillis() {
        return createdMillis;
    }

    public NodeLocations locations() {
        return locations;
    }

    /** Native bytes the V8 snapshot attributes to no node ({@code snapshot.extra_native_bytes}); 0 elsewhere. */
    public long extraNativeBytes() {
        return extraNativeBytes;
    }

    public StringTable strings() {
        return strings;
    }

    /**
     * An extra display label the reader gave the node, or null (most nodes have none): for an HPROF class object,
     * named {@code java.lang.Class}, the class it stands for, e.g. {@code class java.util.HashMap}.
     */
    public String nodeLabel(int ordinal) {
        int index = labels.labelIndex(ordinal);
        return index < 0 ? null : strings.get(index);
    }

    /**
     * The text of an object whose value the graph does not hold (a Java String's characters), cut to
     * {@code maxChars}, or null. For HPROF this reads the file: a few small reads per call.
     */
    public String objectText(int ordinal, int maxChars) {
        return objectContents.text(this, ordinal, maxChars);
    }

    /** The object's field values as the file stores them (see {@link ObjectContents#fields}). May read the file. */
    public List<FieldValue> objectFields(int ordinal) {
        return objectContents.fields(this, ordinal);
    }

    /** A primitive array's length and first {@code max} elements, or null (see {@link ObjectContents}). May read. */
    public ObjectContents.ArrayElements arrayElements(int ordinal, int max) {
        return objectContents.arrayElements(this, ordinal, max);
    }

    /** How this graph reads what its file holds beyond the graph (see {@link ObjectContents}). */
    public ObjectContents objectContents() {
        return objectContents;
    }

    /** Why this heap's objects show no text or fields, in a sentence; null when they can be read. */
    public String objectFieldsUnavailable() {
        return objectContents.unavailable();
    }

    /** What the reader noted about the file beyond the graph: details for {@code info}, and warnings. */
    public FileNotes fileNotes() {
        return fileNotes;
    }

    public String nodeName(int ordinal) {
        return strings.get(nodeNames.get(ordinal));
    }

    public String nodeTypeName(int ordinal) {
        return nodeTypeNames.get(nodeTypes.get(ordinal));
    }

    public String edgeTypeName(int edgeIndex) {
        return edgeTypeNames.get(edgeType(edgeIndex));
    }

    /**
     * The edge's name as text: the element index for numeric types, else the string. Indexes are unsigned: V8's
     * sparse arrays reach 2^32 - 2, which the int array holds as the same 32 bits.
     */
    public String edgeName(int edgeIndex) {
        int name = edgeNameIndex(edgeIndex);
        return EdgeType.hasNumericName(edgeType(edgeIndex)) ? Integer.toUnsignedString(name) : strings.get(name);
    }

    /** The ordinal of the node with this id, or -1; a linear scan (DevTools' {@code nodeIndexForId} is one too). */
    public int ordinalOfId(long id) {
        for (int i = 0; i < nodeCount; i++) {
            if (nodeIds.get(i) == id) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The largest odd id, which in a V8 snapshot is the newest JavaScript object's id (V8 gives JS objects odd ids
     * and native objects even ones): the bound of DevTools' "allocated between snapshots" filters. 0 for HPROF,
     * whose ids are addresses.
     */
    public long maxJsObjectId() {
        if (format != HeapFormat.V8_HEAPSNAPSHOT) {
            return 0;
        }
        long max = 0;
        for (int i = 0; i < nodeCount; i++) {
            long id = nodeIds.get(i);
            if ((id & 1) == 1 && id > max) {
                max = id;
            }
        }
        return max;
    }

    // The parts as GraphStore stores them.

    List<String> nodeTypeNames() {
        return nodeTypeNames;
    }

    List<String> edgeTypeNames() {
        return edgeTypeNames;
    }

    NodeIds nodeIds() {
        return nodeIds;
    }

    EdgeTypesAndNames edgeTypesAndNames() {
        return edgeTypesAndNames;
    }

    NodeLabels labels() {
        return labels;
    }

    /** Bytes the edges take: their types and names, and their targets. */
    public long edgeBytes() {
        return edgeTypesAndNames.retainedBytes() + 4L * edgeCount;
    }

    /**
     * The part of {@link #retainedBytes} in mapped files off the Java heap: the edges, the ids, record offsets, and
     * on a reopen the names, first edges and content hashes mapped from the cache entry.
     */
    public long offHeapBytes() {
        return edgeTypesAndNames.retainedBytes() - edgeTypesAndNames.heapBytes() + nodeIds.offHeapBytes()
                + 4L * edgeCount - edgeTargets.heapBytes() + objectContents.offHeapBytes()
                + nodeTypes.offHeapBytes() + nodeNames.offHeapBytes() + firstEdgeIndex.offHeapBytes()
                + nodeSelfSizes.offHeapBytes()
                + (contentHashes == null ? 0 : contentHashes.offHeapBytes());
    }

    /** Bytes held by the graph's arrays and strings. */
    public long retainedBytes() {
        long nodes = (long) nodeCount * (1 + 4) + nodeIds.retainedBytes() + nodeSelfSizes.retainedBytes()
                + 4L * (nodeCount + 1);
        long detachedness = nodeDetachedness == null ? 0 : nodeCount;
        long hashes = contentHashes == null ? 0 : 4L * nodeCount;
        return nodes + edgeBytes() + detachedness + hashes + locations.retainedBytes() + labels.retainedBytes()
                + strings.retainedBytes() + objectContents.retainedBytes();
    }
}
