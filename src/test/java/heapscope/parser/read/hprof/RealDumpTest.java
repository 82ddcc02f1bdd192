package heapscope.parser.read.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapInput;
import heapscope.parser.read.hprof.objects.HprofObjectReader;
import heapscope.testing.Jdks;
import heapscope.testing.ReportSkips;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dumps a child JVM running a program with known objects ({@code KnownObjectsProgram}) and compares the graph with
 * the JVM's own class histogram ({@code jcmd GC.class_histogram}, taken right before the dump and again right
 * after, so only a quiescent moment counts), on JDK 17 and on JDK 25 ({@link Jdks} finds them; a missing one is
 * skipped with its reason in the build output).
 */
@ExtendWith(ReportSkips.class)
class RealDumpTest {
    private static final String PROGRAM = "heapscope.parser.read.hprof.fixture.KnownObjectsProgram";

    @TempDir
    Path dir;

    /** A dump and the histogram the JVM printed before and after it (identical). */
    private record Dump(HprofHeap heap, ClassHistogram jvm) {
    }

    private Dump dump(Path javaHome, String[] dumpOptions, String... jvmOptions) throws Exception {
        try (ChildJvm child = ChildJvm.start(javaHome, jvmOptions)) {
            Path file = dir.resolve("known.hprof");
            ClassHistogram jvm = child.quiescentDump(file, dumpOptions);
            return new Dump(HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER), jvm);
        }
    }

    @Test
    void aJdk17DumpHasTheJvmsCountsAndBytesForEveryClass() throws Exception {
        Dump dump = dump(Jdks.require(17), new String[0], "-Xshare:off", "-Xmx64m");
        ClassHistogram.Comparison comparison = ClassHistogram.of(dump.heap().graph()).compareWith(dump.jvm());
        assertEquals(List.of(), comparison.countMismatches());
        assertEquals(List.of(), comparison.byteMismatches());
        checkKnownObjects(dump.heap());
    }

    @Test
    void aJdk25GzipDumpHasTheJvmsCountsAndBytesForEveryClass() throws Exception {
        Dump dump = dump(Jdks.require(25), new String[] {"-gz=1"}, "-Xshare:off", "-Xmx64m");
        assertTrue(HeapInput.isGzip(dump.heap().file()));
        ClassHistogram.Comparison comparison = ClassHistogram.of(dump.heap().graph()).compareWith(dump.jvm());
        assertEquals(List.of(), comparison.countMismatches());
        assertEquals(List.of(), comparison.byteMismatches());
        checkKnownObjects(dump.heap());
    }

    /**
     * With class data sharing (the default), two rows differ, for reasons the dump cannot show: the JVM keeps
     * mirrors of archived classes that were never loaded, which the histogram counts as {@code java.lang.Class}
     * but HotSpot leaves out of the dump ("dormant" archived objects; references to them are dropped); and the
     * archived heap region holds filler arrays, which the histogram counts as
     * {@code jdk.internal.vm.FillerElement[]} but the dump writes as {@code int[]} (its records name no class).
     * Every other class matches, and the {@code int[]} surplus is exactly the fillers.
     */
    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void withClassDataSharingOnlyDormantMirrorsAndFillerArraysDiffer(int jdk) throws Exception {
        Dump dump = dump(Jdks.require(jdk), new String[0], "-Xmx64m");
        ClassHistogram graph = ClassHistogram.of(dump.heap().graph());
        ClassHistogram jvm = dump.jvm();
        ClassHistogram.Comparison comparison = graph.compareWith(jvm);
        List<String> explained = List.of("java.lang.Class:", "int[]:", "jdk.internal.vm.FillerElement[]:");
        assertTrue(comparison.countMismatches().stream().allMatch(m -> explained.stream().anyMatch(m::startsWith)),
                comparison.toString());
        assertTrue(comparison.byteMismatches().stream().allMatch(m -> explained.stream().anyMatch(m::startsWith)),
                comparison.toString());
        assertTrue(graph.count("java.lang.Class") < jvm.count("java.lang.Class"));
        String filler = "jdk.internal.vm.FillerElement[]";
        assertEquals(jvm.count("int[]") + jvm.count(filler), graph.count("int[]"));
        assertEquals(jvm.bytes("int[]") + jvm.bytes(filler), graph.bytes("int[]"));
        checkKnownObjects(dump.heap());
    }

    /** What the program is known to hold, found in the graph. */
    private static void checkKnownObjects(HprofHeap heap) throws Exception {
        HeapGraph g = heap.graph();
        ClassHistogram histogram = ClassHistogram.of(g);
        String leaf = PROGRAM + "$Leaf";
        assertEquals(1001, histogram.count(leaf)); // KEEP's 1000 and STRONG_AND_WEAK
        assertEquals(1001 * 32, histogram.bytes(leaf)); // hand-computed layout: 32 bytes each
        assertEquals(3, histogram.count(PROGRAM + "$Color"));
        assertTrue(heap.layout().evidence().stream().anyMatch(e -> e.contains("Unsafe")), heap.layout().describe());

        int programClass = classNode(heap, PROGRAM);
        try (HprofObjectReader reader = heap.openObjectReader()) {
            assertEquals("grüße", reader.stringValue(staticTarget(g, programClass, "static LATIN1"), 100));
            assertEquals("日本語のテキスト", reader.stringValue(staticTarget(g, programClass, "static UTF16"), 100));
        }
        // The weak reference's referent is a weak edge; the thread holds its frame's local.
        int weak = staticTarget(g, programClass, "static weak");
        assertEquals(EdgeType.WEAK, edgeType(g, weak, "referent"));
        boolean foundLocal = false;
        for (int i = 0; i < g.nodeCount(); i++) {
            if (g.nodeName(i).equals(PROGRAM + "$Worker")) {
                for (int e = g.firstEdgeIndex().get(i); e < g.firstEdgeIndex().get(i + 1); e++) {
                    String name = g.edgeName(e);
                    if (name.startsWith("<local in " + PROGRAM + "$Worker.run(KnownObjectsProgram.java:")
                            && g.nodeName(g.edgeTarget(e)).equals("java.lang.Object[]")) {
                        foundLocal = true;
                    }
                }
            }
        }
        assertTrue(foundLocal, "the worker thread holds its frame's Object[]");
    }

    private static int classNode(HprofHeap heap, String className) {
        for (int i = 0; i < heap.graph().nodeCount(); i++) {
            if (className.equals(heap.classNameOf(i))) {
                return i;
            }
        }
        throw new AssertionError("no class " + className);
    }

    private static int staticTarget(HeapGraph g, int node, String edgeName) {
        for (int e = g.firstEdgeIndex().get(node); e < g.firstEdgeIndex().get(node + 1); e++) {
            if (g.edgeName(e).equals(edgeName)) {
                return g.edgeTarget(e);
            }
        }
        throw new AssertionError("no edge " + edgeName);
    }

    private static byte edgeType(HeapGraph g, int node, String edgeName) {
        for (int e = g.firstEdgeIndex().get(node); e < g.firstEdgeIndex().get(node + 1); e++) {
            if (g.edgeName(e).equals(edgeName)) {
                return g.edgeType(e);
            }
        }
        throw new AssertionError("no edge " + edgeName);
    }
}
