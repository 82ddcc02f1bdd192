package heapscope.parser.cache;

import heapscope.parser.analysis.AnalysisStore;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.GraphStore;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.ObjectContents;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.read.hprof.HprofStore;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.store.Blob;
import heapscope.parser.store.Columns;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An analysed heap in an index file: the {@link IndexMeta}, the graph ({@link GraphStore}), the analyses
 * ({@link AnalysisStore}) and what the views read from the file beyond the graph (for HPROF, {@link HprofStore}: the
 * Strings' text, and where to find field values in the dump). Stateless. IO through the writer and reader.
 */
final class StoredHeap {
    private static final String CONTENTS = "contents";

    private StoredHeap() {
    }

    /** Writes everything; for an HPROF heap this reads the dump once more, for the Strings' text. */
    static void write(AnalyzedHeap heap, IndexMeta meta, IndexWriter out, CancelSignal cancel) throws IOException {
        writeRead(heap.graph(), out);
        writeAnalysed(heap, meta, out, cancel);
    }

    /** Writes the parts of a graph that its analysis will not change; it may run while the analysis does. */
    static void writeRead(HeapGraph graph, IndexWriter out) throws IOException {
        boolean fromDump = HprofStore.stores(graph);
        out.bytes(CONTENTS, new Blob.Writer().putBoolean(fromDump).putString(graph.objectFieldsUnavailable())
                .toByteArray());
        GraphStore.saveRead(graph, out);
        if (fromDump) {
            HprofStore.saveDetails(graph, out);
        }
    }

    /**
     * Writes the rest once the graph is analysed, and completes the file; for an HPROF heap this reads the dump once
     * more, for the Strings' text.
     */
    static void writeAnalysed(AnalyzedHeap heap, IndexMeta meta, IndexWriter out, CancelSignal cancel)
            throws IOException {
        HeapGraph graph = heap.graph();
        out.bytes(IndexMeta.SECTION, meta.toBytes());
        GraphStore.saveAnalysed(graph, out);
        AnalysisStore.save(heap, out);
        if (HprofStore.stores(graph)) {
            HprofStore.saveTexts(graph, out, cancel);
        }
        out.finish();
    }

    static IndexMeta meta(IndexReader in) throws IOException {
        return IndexMeta.of(in.bytes(IndexMeta.SECTION));
    }

    /**
     * Reads the heap back.
     *
     * @param dump the dump the heap was read from, checked to be that dump, or null when it is not there
     * @param whyNoDump when {@code dump} is null, why: what the Fields pane shows instead of field values
     */
    static AnalyzedHeap read(IndexReader in, IndexMeta meta, Path dump, String whyNoDump) throws IOException {
        HeapFormat format = HeapFormat.HPROF.jsonName().equals(meta.format()) ? HeapFormat.HPROF
                : HeapFormat.V8_HEAPSNAPSHOT;
        Columns columns = MemoryEstimate.forGraph(format, meta.nodeCount(), meta.edgeCount()).columnsForStored();
        in.checkAhead();
        Blob.Reader contentsHeader = new Blob.Reader(in.bytes(CONTENTS));
        boolean fromDump = contentsHeader.getBoolean();
        String unavailable = contentsHeader.getString();
        ObjectContents contents = fromDump ? HprofStore.load(in, meta.nodeCount(), dump, whyNoDump)
                : ObjectContents.none(unavailable);
        HeapGraph graph = GraphStore.load(in, contents, columns);
        StoreFormatException.check(graph.nodeCount() == meta.nodeCount() && graph.edgeCount() == meta.edgeCount(),
                "the graph does not have the counts its index lists");
        return AnalysisStore.load(graph, in);
    }
}
