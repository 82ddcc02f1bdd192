package heapscope.parser.read.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.matching.MatchedComparer;
import heapscope.parser.analysis.matching.ObjectMatcher;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.fixture.ChangingObjectsProgram;
import heapscope.testing.Jdks;
import heapscope.testing.ReportSkips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Comparison of two real dumps of one JVM against the JVM's own histograms: {@code ChangingObjectsProgram} runs in
 * a child JVM, is dumped, takes a step (orders dropped and placed, payloads replaced, tokens removed) and is dumped
 * again, with {@code jcmd GC.class_histogram} taken right before and after each dump. Whatever the object matching
 * decides, every class's new minus deleted objects, and allocated minus freed bytes, must be the difference of the
 * two histograms' rows, for every class either histogram names.
 */
@ExtendWith(ReportSkips.class)
class HprofComparisonTest {
    @TempDir
    Path dir;

    /**
     * Without class data sharing, on JDK 17 and JDK 25. (With it, the dump leaves out dormant archived mirrors and
     * writes filler arrays as {@code int[]}, see {@link RealDumpTest}; both stay the same between two dumps, but are
     * left out here so that the check stays exact.)
     */
    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void newMinusDeletedIsTheDifferenceOfTheJvmsHistograms(int major) throws Exception {
        Path javaHome = Jdks.require(major);
        ClassHistogram before;
        ClassHistogram after;
        Path baseFile;
        Path targetFile;
        try (ChildJvm child = ChildJvm.start(javaHome, ChangingObjectsProgram.class, "-Xshare:off", "-Xmx64m")) {
            baseFile = dir.resolve("base.hprof");
            before = child.quiescentDump(baseFile);
            child.step();
            targetFile = dir.resolve("target.hprof");
            after = child.quiescentDump(targetFile);
        }
        AnalyzedHeap base = HeapLoader.load(baseFile, ProgressListener.NO_OP, CancelSignal.NEVER);
        AnalyzedHeap target = HeapLoader.load(targetFile, ProgressListener.NO_OP, CancelSignal.NEVER);
        List<ClassDiff> diffs = MatchedComparer.compare(base, target,
                ObjectMatcher.match(base, target, CancelSignal.NEVER));

        Map<String, long[]> comparison = new TreeMap<>();
        for (ClassDiff diff : diffs) {
            comparison.put(diff.name(), new long[] {diff.countDelta(), diff.sizeDelta()});
        }
        TreeSet<String> classes = new TreeSet<>(before.countAndBytesByClass().keySet());
        classes.addAll(after.countAndBytesByClass().keySet());
        classes.addAll(comparison.keySet());
        List<String> mismatches = new ArrayList<>();
        for (String c : classes) {
            long countDelta = after.count(c) - before.count(c);
            long bytesDelta = after.bytes(c) - before.bytes(c);
            long[] shown = comparison.getOrDefault(c, new long[2]);
            if (shown[0] != countDelta || shown[1] != bytesDelta) {
                mismatches.add(c + ": jcmd " + countDelta + " / " + bytesDelta + " B, Comparison " + shown[0] + " / "
                        + shown[1] + " B");
            }
        }
        assertEquals(List.of(), mismatches);
        // Rows as DevTools' Comparison sorts them: largest allocated size first, then by name.
        List<ClassDiff> sorted = new ArrayList<>(diffs);
        sorted.sort(java.util.Comparator.comparingLong(ClassDiff::allocSize).reversed()
                .thenComparing(ClassDiff::name));
        assertEquals(sorted.stream().map(ClassDiff::name).toList(), diffs.stream().map(ClassDiff::name).toList());
        String program = ChangingObjectsProgram.class.getName();
        assertEquals(150, after.count(program + "$Order") - before.count(program + "$Order"), "the step's own count");
    }
}
