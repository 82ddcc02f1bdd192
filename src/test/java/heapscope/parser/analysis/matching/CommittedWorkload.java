package heapscope.parser.analysis.matching;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.matching.workload.WorkloadSeries;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The committed run of {@code IdentityWorkload} (src/test/resources/fixtures/hprof/matching-workload/, made by the
 * script there): its four dumps, unpacked and with their truth serials zeroed ({@link WorkloadSeries#read}), loaded
 * once per test JVM. The heaps are the reader's and the analyses' work, which the object matching does not change, so
 * the mutation run may share them too. Thread-safe; unpacks into a temporary folder deleted when the JVM ends.
 */
public final class CommittedWorkload {
    static final Path FOLDER = Path.of("src/test/resources/fixtures/hprof/matching-workload");
    private static CommittedWorkload loaded;

    private final WorkloadSeries series;
    private final List<AnalyzedHeap> heaps;

    private CommittedWorkload(WorkloadSeries series, List<AnalyzedHeap> heaps) {
        this.series = series;
        this.heaps = heaps;
    }

    public static synchronized CommittedWorkload get() {
        if (loaded == null) {
            try {
                loaded = load();
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the committed workload dumps in " + FOLDER, e);
            }
        }
        return loaded;
    }

    private static CommittedWorkload load() throws Exception {
        Path dir = Files.createTempDirectory("heapscope-matching-workload");
        for (int phase = 1; phase <= 4; phase++) {
            Path dump = dir.resolve("phase-" + phase + ".hprof");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(FOLDER.resolve(dump.getFileName() + ".gz")))) {
                Files.copy(in, dump);
            }
            Files.copy(FOLDER.resolve("phase-" + phase + ".serials"), dir.resolve("phase-" + phase + ".serials"));
        }
        WorkloadSeries series = WorkloadSeries.read(dir);
        List<AnalyzedHeap> heaps = new ArrayList<>();
        for (Path zeroed : series.dumps()) {
            heaps.add(HeapLoader.load(zeroed, ProgressListener.NO_OP, CancelSignal.NEVER));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteAll(dir)));
        return new CommittedWorkload(series, heaps);
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WorkloadSeries series() {
        return series;
    }

    /** Dump {@code k}, 0-based, analysed. */
    public AnalyzedHeap heap(int k) {
        return heaps.get(k);
    }

    int size() {
        return heaps.size();
    }
}
