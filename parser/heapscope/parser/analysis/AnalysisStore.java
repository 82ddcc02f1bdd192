package heapscope.parser.analysis;

import heapscope.parser.graph.GraphStore;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.model.HeapStatistics;
import heapscope.parser.model.JavaStatistics;
import heapscope.parser.model.V8Statistics;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.Blob;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Stores what {@link HeapAnalyzer} computed over a graph under names starting with {@code analysis.}, and builds the
 * {@link AnalyzedHeap} from them and the restored graph again, without running any phase. Every index is checked on
 * the way in (see {@link GraphStore}). A new result array is one more line in {@link #save} and in {@link #load}.
 * Stateless. IO through the sink and source.
 */
public final class AnalysisStore {
    /** The statistics' kind and the seven longs of either record. */
    private static final int STATISTICS_FIELDS = 8;

    private AnalysisStore() {
    }

    public static void save(AnalyzedHeap heap, ArraySink sink) throws IOException {
        HeapGraph graph = heap.graph();
        int n = graph.nodeCount();
        boolean shallowIsSelf = heap.shallowSizes() == graph.nodeSelfSizes();
        Blob.Writer header = new Blob.Writer().putBoolean(shallowIsSelf).putLong(heap.maxJsObjectId());
        for (long field : statisticsFields(heap.statistics())) {
            header.putLong(field);
        }
        header.putBoolean(heap.uncountedNodes() != null).putInt(heap.weakMapEdgeNames().pairCount());
        List<InterfaceDefinitions.Definition> definitions = heap.interfaceDefinitions();
        header.putInt(definitions.size());
        for (InterfaceDefinitions.Definition d : definitions) {
            header.putString(d.name()).putStrings(d.properties());
        }
        sink.bytes("analysis.header", header.toByteArray());
        if (!shallowIsSelf) {
            heap.shallowSizes().save(sink, "analysis.shallowSizes");
        }
        sink.ints("analysis.firstRetainer", heap.retainers().firstRetainerSlot(), n + 1);
        IntColumn retainerSources = heap.retainers().retainerSources();
        sink.ints("analysis.retainerSources", retainerSources, retainerSources.length());
        sink.bytes("analysis.domStates", heap.domStates(), n);
        sink.ints("analysis.distances", heap.distances(), n);
        sink.ints("analysis.dominators", heap.dominators(), n);
        sink.ints("analysis.firstDominated", heap.dominatedNodes().firstDominated(), n + 1);
        sink.ints("analysis.dominated", heap.dominatedNodes().dominatedNodes(), Math.max(0, n - 1));
        heap.retainedSizes().save(sink, "analysis.retainedSizes");
        if (heap.uncountedNodes() != null) {
            sink.longs("analysis.uncounted", heap.uncountedNodes().toLongArray());
        }
        heap.weakMapEdgeNames().save(sink, "analysis.weakMaps");
        heap.classes().save(sink, "analysis.classes");
        StoredSummaries.save(heap, sink);
    }

    /**
     * The heap {@link #save} stored, over {@code graph} as {@link GraphStore#load} restored it.
     *
     * @throws StoreFormatException naming the first array that is missing or does not fit the graph
     */
    public static AnalyzedHeap load(HeapGraph graph, ArraySource source) throws IOException {
        int n = graph.nodeCount();
        int e = graph.edgeCount();
        Blob.Reader header = new Blob.Reader(source.bytes("analysis.header"));
        boolean shallowIsSelf = header.getBoolean();
        long maxJsObjectId = header.getLong();
        long[] statisticsFields = new long[STATISTICS_FIELDS];
        for (int i = 0; i < STATISTICS_FIELDS; i++) {
            statisticsFields[i] = header.getLong();
        }
        HeapStatistics statistics = statistics(statisticsFields);
        boolean hasUncounted = header.getBoolean();
        int pairCount = header.getInt();
        int definitionCount = header.getInt();
        header.checkCount(definitionCount, 8);
        List<InterfaceDefinitions.Definition> definitions = new ArrayList<>(definitionCount);
        for (int i = 0; i < definitionCount; i++) {
            definitions.add(new InterfaceDefinitions.Definition(header.getString(), header.getStrings()));
        }

        NodeSizes shallow = shallowIsSelf ? graph.nodeSelfSizes()
                : NodeSizes.load(source, "analysis.shallowSizes", n);
        IntColumn firstRetainer = source.intColumn("analysis.firstRetainer", graph.columns());
        GraphStore.checkFirstIndexes(source, firstRetainer, n, e, "analysis.firstRetainer");
        IntColumn retainerSources = GraphStore.nodeOrdinals(source, "analysis.retainerSources", e, n,
                graph.columns());
        ByteColumn domStates = source.byteColumn("analysis.domStates");
        StoreFormatException.check(domStates.length() == n, "DOM states do not match the node count");
        IntColumn distances = source.intColumn("analysis.distances", graph.columns());
        StoreFormatException.check(distances.length() == n, "distances do not match the node count");
        IntColumn dominators = GraphStore.nodeOrdinals(source, "analysis.dominators", n, n, graph.columns());
        IntColumn firstDominated = source.intColumn("analysis.firstDominated", graph.columns());
        GraphStore.checkFirstIndexes(source, firstDominated, n, Math.max(0, n - 1), "analysis.firstDominated");
        IntColumn dominated = GraphStore.nodeOrdinals(source, "analysis.dominated", Math.max(0, n - 1), n,
                graph.columns());
        NodeSizes retained = NodeSizes.load(source, "analysis.retainedSizes", n);
        BitSet uncounted = null;
        if (hasUncounted) {
            uncounted = BitSet.valueOf(source.longs("analysis.uncounted"));
            StoreFormatException.check(uncounted.length() <= n, "unreachable nodes beyond the last node");
        }
        WeakMapEdgeNames weakMaps = WeakMapEdgeNames.load(source, "analysis.weakMaps", pairCount,
                graph.strings().size());
        ClassTable classes = ClassTable.load(graph, source, "analysis.classes");
        AnalyzedHeap heap = new AnalyzedHeap(graph, new RetainerIndex(firstRetainer, retainerSources), domStates,
                shallow, distances, dominators, new DominatedNodes(firstDominated, dominated), retained, uncounted,
                weakMaps, classes, definitions, statistics, maxJsObjectId);
        StoredSummaries.load(heap, source);
        return heap;
    }

    /** The statistics as longs: which kind (0 V8, 1 Java), then the record's components in order. */
    private static long[] statisticsFields(HeapStatistics statistics) {
        if (statistics instanceof V8Statistics v) {
            return new long[] {0, v.total(), v.nativeTotal(), v.typedArrays(), v.code(), v.strings(), v.jsArrays(),
                    v.system()};
        }
        JavaStatistics j = (JavaStatistics) statistics;
        return new long[] {1, j.total(), j.strings(), j.byteAndCharArrays(), j.otherPrimitiveArrays(),
                j.objectArrays(), j.classes(), j.instances()};
    }

    private static HeapStatistics statistics(long[] f) throws StoreFormatException {
        if (f[0] != 0 && f[0] != 1) {
            throw new StoreFormatException("analysis.header: the statistics do not fit this build");
        }
        return f[0] == 0 ? new V8Statistics(f[1], f[2], f[3], f[4], f[5], f[6], f[7])
                : new JavaStatistics(f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    }
}
