package heapscope.parser.read.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The V8 cases of issue 11: whitespace before the snapshot, sizes that would overflow, bombs, a cut .gz. */
class V8HostileInputTest {
    private static final String VALID = """
            {"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count","trace_node_id",\
            "detachedness"],"node_types":[["hidden","array","string","object","code","closure","regexp","number",\
            "native","synthetic"],"string","number","number","number","number","number"],\
            "edge_fields":["type","name_or_index","to_node"],"edge_types":[["context","element","property",\
            "internal","hidden","shortcut","weak"],"string_or_number","node"]},"node_count":3,"edge_count":2},
            "nodes":[9,0,1,0,2,0,0,3,1,3,32,0,0,0,2,3,5,16,0,0,0],
            "edges":[1,0,7,2,2,14],
            "trace_tree":[],
            "strings":["","Customer","name","Ada"]}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String problem(Path file) {
        HeapFileException e = assertThrows(HeapFileException.class,
                () -> HeapLoader.load(file, ProgressListener.NO_OP, CancelSignal.NEVER));
        assertEquals(file.getFileName() + ": " + e.problem(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.problem();
    }

    @Test
    void anyAmountOfWhitespaceBeforeTheSnapshotIsValidJson() throws Exception {
        Path file = write("spaced.heapsnapshot", " \t\r\n".repeat(5000) + VALID);
        AnalyzedHeap heap = HeapLoader.load(file, ProgressListener.NO_OP, CancelSignal.NEVER);
        assertEquals(3, heap.graph().nodeCount());
        assertEquals("not a heap dump: the file holds only whitespace", problem(write("blank.heapsnapshot", "  \n ")));
    }

    @Test
    void extraNativeBytesNearTwoToTheSixtyThreeIsRefusedInsteadOfANegativeTotal() throws Exception {
        Path file = write("native.heapsnapshot", VALID.replace("\"edge_count\":2}",
                "\"edge_count\":2,\"extra_native_bytes\":9223372036854775000}"));
        assertEquals("the snapshot header's extra_native_bytes 9223372036854775000 is more than any process can hold"
                + " (2^56 bytes)", problem(file));
    }

    @Test
    void selfSizesThatWouldOverflowTheTotalAreRefused() throws Exception {
        Path file = write("sizes.heapsnapshot", VALID.replace("3,1,3,32,0,0,0,2,3,5,16,0,0,0",
                "3,1,3,999999999999999999,0,0,0,2,3,5,999999999999999999,0,0,0"));
        assertTrue(problem(file).startsWith("node 1 has self_size 999999999999999999, which brings the nodes' sizes"
                + " beyond what any process can hold"), problem(file));
    }

    @Test
    void aTraceTreeNestedMillionsDeepIsRefusedWithoutGrowingWithoutBound() throws Exception {
        int depth = JsonTokenizer.MAX_SKIPPED_DEPTH + 10;
        Path file = write("nested.heapsnapshot", VALID.replace("\"trace_tree\":[]", "\"trace_tree\":" + "[".repeat(
                depth) + "]".repeat(depth)));
        assertTrue(problem(file).startsWith("values nested more than 1048576 levels deep in the 'trace_tree' section"),
                problem(file));
    }

    @Test
    void aHeaderStringOverAMegabyteIsRefused() throws Exception {
        Path file = write("title.heapsnapshot", VALID.replace("{\"meta\"", "{\"title\":\"" + "x".repeat(
                JsonValueReader.MAX_BYTES + 1) + "\",\"meta\""));
        assertTrue(problem(file).startsWith("a string longer than 1048576 bytes in the snapshot header"),
                problem(file));
    }

    @Test
    void aNodeCountTheMemoryCannotHoldIsRefusedBeforeAllocatingWithTheHeapThatWouldDo() throws Exception {
        // 100 million nodes pass the gzip bound of a 2 MB .gz (7 numbers of 2 bytes each, 1032:1), as the issue's
        // 800 KB bomb did; opening them would take some 3.4 GB even with the big arrays off the heap.
        String header = VALID.replace("\"node_count\":3", "\"node_count\":100000000");
        Path file = dir.resolve("bomb.heapsnapshot.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(header.getBytes(StandardCharsets.UTF_8));
            byte[] noise = new byte[2 << 20];
            new java.util.Random(1).nextBytes(noise);
            gz.write(noise); // does not compress: the .gz is over 2 MB
        }
        Files.write(file, bytes.toByteArray());
        long max = Runtime.getRuntime().maxMemory();
        if (max > (3L << 30)) {
            return; // a machine with this much heap could allocate the graph; the refusal is what is tested
        }
        String problem = problem(file);
        assertTrue(problem.startsWith("needs about "), problem);
        assertTrue(problem.contains("of memory to open (100,000,000 nodes and 2 references), but only "), problem);
    }

    @Test
    void aCutGzipSnapshotSaysWhereTheDataEnded() throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/v8/layouts/worker-base.heapsnapshot.gz");
        byte[] gz = Files.readAllBytes(fixture);
        Path file = Files.write(dir.resolve("cut.heapsnapshot.gz"), Arrays.copyOf(gz, gz.length / 2));
        String problem = problem(file);
        assertTrue(problem.startsWith("truncated: the compressed data ends inside the "), problem);
        long at = Long.parseLong(problem.replaceAll(".*\\(at byte (\\d+)\\)$", "$1"));
        long whole;
        try (var in = new GZIPInputStream(Files.newInputStream(fixture))) {
            whole = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertTrue(at > whole / 4 && at < whole, "where the data ended: " + problem);
    }
}
