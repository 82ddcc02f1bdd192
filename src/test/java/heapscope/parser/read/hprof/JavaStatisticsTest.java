package heapscope.parser.read.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.HeapAnalyzer;
import heapscope.parser.model.HeapStatistics;
import heapscope.parser.model.JavaStatistics;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Java dump's Statistics add up, category by category, to what the JVM's own {@code jcmd GC.class_histogram} says
 * of the same classes, taken right before the dump.
 */
class JavaStatisticsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/hprof");
    private static final List<String> OTHER_PRIMITIVE_ARRAYS = List.of("boolean[]", "short[]", "int[]", "long[]",
            "float[]", "double[]");

    @Test
    void theJavaCategoriesAreTheJvmsHistogramSortedByKind() throws Exception {
        HprofHeap read = HprofReader.read(FIXTURES.resolve("jdk25-small.hprof.gz"), ProgressListener.NO_OP,
                CancelSignal.NEVER);
        AnalyzedHeap heap = HeapAnalyzer.analyze(read.graph(), ProgressListener.NO_OP, CancelSignal.NEVER);
        ClassHistogram jvm = ClassHistogram.parse(Files.readString(FIXTURES.resolve("jdk25-small.histogram.txt")));
        JavaStatistics stats = (JavaStatistics) heap.statistics();

        // The dump still holds a few objects no GC root reaches; the heap total, and so the Statistics, leave them out.
        Map<String, Long> unreachable = new java.util.TreeMap<>();
        heap.uncountedNodes().stream().forEach(node -> unreachable.merge(read.graph().nodeName(node),
                heap.shallowSizes().get(node), Long::sum));
        long all = 0;
        long otherPrimitive = 0;
        long objectArrays = 0;
        for (Map.Entry<String, long[]> row : jvm.countAndBytesByClass().entrySet()) {
            String name = row.getKey();
            long bytes = row.getValue()[1] - unreachable.getOrDefault(name, 0L);
            all += bytes;
            if (OTHER_PRIMITIVE_ARRAYS.contains(name)) {
                otherPrimitive += bytes;
            } else if (name.endsWith("[]") && !name.equals("byte[]") && !name.equals("char[]")) {
                objectArrays += bytes;
            }
        }
        assertEquals(all, stats.total());
        long textual = reachable(jvm, unreachable, "java.lang.String") + reachable(jvm, unreachable, "byte[]")
                + reachable(jvm, unreachable, "char[]");
        assertEquals(textual, stats.strings() + stats.byteAndCharArrays());
        assertTrue(stats.strings() > jvm.bytes("java.lang.String"), "Strings hold their value arrays");
        assertTrue(stats.byteAndCharArrays() > 0, "some byte[] are not a String's");
        assertEquals(otherPrimitive, stats.otherPrimitiveArrays());
        assertEquals(objectArrays, stats.objectArrays());
        long classes = reachable(jvm, unreachable, "java.lang.Class");
        assertEquals(classes, stats.classes());
        assertEquals(all - textual - otherPrimitive - objectArrays - classes, stats.instances());

        List<HeapStatistics.Category> slices = stats.categories();
        assertEquals(List.of("Strings", "byte[] and char[]", "Other primitive arrays", "Object arrays",
                "Classes and statics", "Instances"), slices.stream().map(HeapStatistics.Category::name).toList());
        assertEquals(stats.total(), slices.stream().mapToLong(HeapStatistics.Category::bytes).sum());
    }

    private static long reachable(ClassHistogram jvm, Map<String, Long> unreachable, String className) {
        return jvm.bytes(className) - unreachable.getOrDefault(className, 0L);
    }
}
