package heapscope.parser.analysis.leaks;

import heapscope.parser.FileSeries;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** By hand: the growing objects of a series and their dominators. */
public final class ForestProbe {
    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            files.add(Path.of(a));
        }
        FileSeries series = new FileSeries(files, ProgressListener.NO_OP, CancelSignal.NEVER);
        RetainedHistory history = new RetainedHistory(files.size());
        AnalyzedHeap heap = series.heap(0);
        history.start(heap);
        for (int k = 1; k < files.size(); k++) {
            AnalyzedHeap next = series.heap(k);
            history.step(heap, next, heap.format() == heapscope.parser.graph.HeapFormat.HPROF
                    ? Identity.of(heapscope.parser.analysis.matching.ObjectMatcher.match(heap, next, CancelSignal.NEVER))
                    : Identity.byId(heap, next));
            heap = next;
        }
        SuspectNames names = new SuspectNames(heap);
        int[] dom = heap.dominators();
        for (int i = 0; i < history.size(); i++) {
            long[] sizes = history.sizes(i);
            Growth g = Growth.of(sizes);
            int nodeAt = history.ordinal(i);
            if (names.display(nodeAt).contains(System.getProperty("probe.class", ""))) {
                int node = history.ordinal(i);
                System.out.println(node + " " + names.display(node) + " type " + heap.graph().nodeTypes()[node]
                        + " growth " + g.bytes() + " " + java.util.Arrays.toString(sizes) + " dom " + dom[node] + " "
                        + names.display(dom[node]));
            }
        }
    }
}
