package heapscope.parser.analysis.leaks;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.analysis.leaks.program.EightLeaks;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The committed dumps of {@link EightLeaks} (src/test/resources/fixtures/hprof/eight-leaks/, made by the script there),
 * loaded once per test JVM and served as a series. The heaps are the reader's and the analyses' work, which the leak
 * report does not change, so the mutation run of the leak report may share them. Thread-safe.
 */
final class CommittedEightLeaks {
    static final Path FOLDER = Path.of("src/test/resources/fixtures/hprof/eight-leaks");
    private static List<AnalyzedHeap> heaps;

    private CommittedEightLeaks() {
    }

    /** Dump {@code k}, 1-based. */
    static synchronized AnalyzedHeap heap(int k) {
        if (heaps == null) {
            List<AnalyzedHeap> loaded = new ArrayList<>();
            for (int phase = 1; phase <= EightLeaks.PHASES; phase++) {
                Path dump = FOLDER.resolve(EightLeaks.NAME + "-" + phase + ".hprof.gz");
                try {
                    loaded.add(HeapLoader.load(dump, ProgressListener.NO_OP, CancelSignal.NEVER));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot load " + dump, e);
                }
            }
            heaps = loaded;
        }
        return heaps.get(k - 1);
    }

    /** The dumps in this order (1-based), labelled {@code d1}, {@code d2}, ... by their number. */
    static SnapshotSeries series(int... dumps) {
        return new HeapSeries(Arrays.stream(dumps).mapToObj(n -> "d" + n).toList(), k -> heap(dumps[k]));
    }
}
