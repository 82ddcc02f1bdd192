package heapscope.parser.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The estimate against the engine's own count of its bytes, and the refusal it leads to. */
class MemoryEstimateTest {
    @Test
    void theGraphAndAnalysisBytesAreTheEngineCountWithoutStrings() {
        AnalyzedHeap heap = Fixtures.load(Path.of("src/main/resources/demo/leak-3.heapsnapshot.gz"));
        MemoryEstimate estimate = MemoryEstimate.forGraph(HeapFormat.V8_HEAPSNAPSHOT, heap.graph().nodeCount(),
                heap.graph().edgeCount());
        long engine = heap.retainedBytes() - heap.graph().strings().retainedBytes();
        long estimated = estimate.graphBytes() + estimate.analysisBytes();
        // The engine also keeps source locations and small side tables: within a fifth.
        assertTrue(Math.abs(estimated - engine) < engine / 5, estimated + " estimated, " + engine + " counted");
        assertTrue(estimate.peakBytes() > estimated);
    }

    @Test
    void offTheHeapTheEstimateIsWhatTheEngineKeepsOnIt() throws Exception {
        String before = System.getProperty(MemoryEstimate.OFF_HEAP_PROPERTY);
        System.setProperty(MemoryEstimate.OFF_HEAP_PROPERTY, "on");
        AnalyzedHeap heap;
        try {
            heap = HeapLoader.load(Path.of("src/main/resources/demo/leak-3.heapsnapshot.gz"), ProgressListener.NO_OP,
                    CancelSignal.NEVER);
        } finally {
            if (before == null) {
                System.clearProperty(MemoryEstimate.OFF_HEAP_PROPERTY);
            } else {
                System.setProperty(MemoryEstimate.OFF_HEAP_PROPERTY, before);
            }
        }
        assertTrue(heap.graph().columns().offHeap());
        MemoryEstimate estimate = MemoryEstimate.forGraph(HeapFormat.V8_HEAPSNAPSHOT, heap.graph().nodeCount(),
                heap.graph().edgeCount()).offHeap();
        long onHeap = heap.retainedBytes() - heap.offHeapBytes() - heap.graph().strings().retainedBytes();
        long estimated = estimate.graphBytes() + estimate.analysisBytes();
        assertTrue(Math.abs(estimated - onHeap) < onHeap / 5, estimated + " estimated, " + onHeap + " counted");
    }

    @Test
    void theSevenGigabyteDumpFitsInSixGigabytesOffTheHeapOnly() {
        // json-8gb.hprof (bench/hprof/make-dumps.sh): 127.8 M objects, 391.6 M references; the reader bounds the
        // references before its second pass, a little above.
        MemoryEstimate dump = MemoryEstimate.forHprof(127_752_256L, 400_000_000L);
        long sixGigabytes = 6L << 30;
        assertTrue(dump.peakBytes() > sixGigabytes, "on the heap: " + dump.peakBytes());
        assertTrue(dump.offHeap().peakBytes() < sixGigabytes * 3 / 4, "off it: " + dump.offHeap().peakBytes());
        assertTrue(MemoryEstimate.forHprof(3 * 127_752_256L, 3 * 400_000_000L).offHeap().peakBytes() > sixGigabytes,
                "three times that does not fit");
    }

    @Test
    void aGraphThatCannotFitIsRefusedWithAHeapThatWould() {
        MemoryEstimate huge = MemoryEstimate.forHprof(1_500_000_000L, 6_000_000_000L);
        MemoryEstimate.TooLarge tooLarge = assertThrows(MemoryEstimate.TooLarge.class, huge::check);
        NotEnoughMemoryException e = tooLarge.toException(Path.of("prod.hprof"));
        assertTrue(e.getMessage().startsWith("prod.hprof: needs about "), e.getMessage());
        assertTrue(e.getMessage().contains("(1,500,000,000 objects and 6,000,000,000 references)"), e.getMessage());
        assertTrue(e.suggestedMaxHeapBytes() >= huge.peakBytes());
        assertTrue(e.suggestedXmx().endsWith("g"), e.suggestedXmx());
    }

    @Test
    void heapSizesAreRoundedAsPeopleWriteThem() {
        assertEquals("768m", MemoryEstimate.xmx(MemoryEstimate.roundUpHeap(700L << 20)));
        assertEquals("3g", MemoryEstimate.xmx(MemoryEstimate.roundUpHeap((2L << 30) + 1)));
        assertEquals("262 MB", MemoryEstimate.humanBytes(262_000_000));
        assertEquals("2.4 GB", MemoryEstimate.humanBytes(2_400_000_000L));
    }
}
