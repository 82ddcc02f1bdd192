package heapscope.parser.read.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of damage gives a {@link HeapFileException} whose one sentence says what is wrong and where. */
class V8SnapshotReaderBadInputTest {
    /**
     * Three nodes (root, Customer, "Ada"), two edges (root --element 0--> Customer, root --property "name"--> Ada).
     * Each case below damages one part of it.
     */
    private static final String VALID = """
            {"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count","trace_node_id",\
            "detachedness"],"node_types":[["hidden","array","string","object","code","closure","regexp","number",\
            "native","synthetic"],"string","number","number","number","number","number"],\
            "edge_fields":["type","name_or_index","to_node"],"edge_types":[["context","element","property",\
            "internal","hidden","shortcut","weak"],"string_or_number","node"],\
            "location_fields":["object_index","script_id","line","column"]},"node_count":3,"edge_count":2},
            "nodes":[9,0,1,0,2,0,0
            ,3,1,3,32,0,0,0
            ,2,3,5,16,0,0,0],
            "edges":[1,0,7
            ,2,2,14],
            "trace_tree":[],
            "locations":[],
            "strings":["","Customer","name","Ada"]}
            """;

    @TempDir
    Path dir;

    private HeapFileException readExpectingProblem(byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("bad.heapsnapshot"), content);
        HeapFileException e = assertThrows(HeapFileException.class,
                () -> V8SnapshotReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER));
        assertEquals("bad.heapsnapshot: " + e.problem(), e.getMessage(), "the message names the file");
        return e;
    }

    private void assertProblem(String json, String problem) throws Exception {
        assertEquals(problem, readExpectingProblem(json.getBytes(StandardCharsets.UTF_8)).problem());
    }

    /** VALID with its only occurrence of {@code from} replaced. */
    private static String damaged(String from, String to) {
        int at = VALID.indexOf(from);
        if (at < 0 || VALID.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in VALID: " + from);
        }
        return VALID.replace(from, to);
    }

    /** Byte offset in {@code json} of {@code marker}'s first occurrence, plus {@code delta}. */
    private static long byteAt(String json, String marker, int delta) {
        return json.substring(0, json.indexOf(marker) + delta).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void theUndamagedSnapshotReads() throws Exception {
        Path file = Files.writeString(dir.resolve("good.heapsnapshot"), VALID);

        assertEquals(3, V8SnapshotReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER).nodeCount());
    }

    static Stream<Arguments> damage() {
        return Stream.of(
                Arguments.of("an object that is not a snapshot", "{\"other\":{\"x\":[1,\"]\"]}}",
                        "not a V8 heap snapshot: the top-level object has no 'snapshot' header"),
                Arguments.of("a header that is not an object", "{\"snapshot\":[1]}",
                        "the 'snapshot' header is not an object"),
                Arguments.of("no meta", damaged("\"meta\"", "\"beta\""),
                        "the snapshot header has no 'meta' object"),
                Arguments.of("no node_fields", damaged("\"node_fields\"", "\"node_fieldz\""),
                        "the snapshot meta lacks 'node_fields'"),
                Arguments.of("node_fields that are not names", damaged("\"detachedness\"],", "7],"),
                        "the snapshot meta's 'node_fields' is not a list of names"),
                Arguments.of("node_fields without edge_count", damaged("\"edge_count\",\"trace", "\"edges\",\"trace"),
                        "the snapshot meta lacks node_fields 'edge_count'"),
                Arguments.of("edge_fields without to_node", damaged("\"to_node\"", "\"target\""),
                        "the snapshot meta lacks edge_fields 'to_node'"),
                Arguments.of("no node type names", damaged("\"node_types\":[[", "\"node_types\":[\"x\",["),
                        "the snapshot meta's 'node_types' has no list of names for the 'type' field"),
                Arguments.of("location_fields without line", damaged("\"line\"", "\"row\""),
                        "the snapshot meta lacks location_fields 'line'"),
                Arguments.of("no node_count", damaged("\"node_count\":3", "\"nodes_count\":3"),
                        "the snapshot header lacks 'node_count'"),
                Arguments.of("a negative node_count", damaged("\"node_count\":3", "\"node_count\":-3"),
                        "the snapshot header's node_count is not a non-negative whole number: -3"),
                Arguments.of("a fractional edge_count", damaged("\"edge_count\":2", "\"edge_count\":2.5"),
                        "the snapshot header's edge_count is not a non-negative whole number: 2.5"),
                Arguments.of("a node_count beyond Java arrays", damaged("\"node_count\":3", "\"node_count\":3000000000"),
                        "the snapshot header's node_count 3000000000 is more than Heapscope can hold (2147483638)"),
                Arguments.of("counts the file is too small for", damaged("\"node_count\":3", "\"node_count\":900000"),
                        "the snapshot header announces 900000 nodes and 2 edges, more than the file can hold"),
                Arguments.of("a nodes array one number short", damaged("2,3,5,16,0,0,0]", "2,3,5,16,0,0]"),
                        "the nodes array holds 20 numbers, not node_count × node fields = 3 × 7 = 21"),
                Arguments.of("a nodes array one number long", damaged("2,3,5,16,0,0,0]", "2,3,5,16,0,0,0,0]"),
                        "the nodes array holds 22 numbers, not node_count × node fields = 3 × 7 = 21"),
                Arguments.of("an edges array one number short", damaged(",2,2,14]", ",2,2]"),
                        "the edges array holds 5 numbers, not edge_count × edge fields = 2 × 3 = 6"),
                Arguments.of("a to_node between two nodes", damaged("[1,0,7", "[1,0,8"),
                        "edge 0 points to node index 8, which is not a multiple of the 7 node fields"),
                Arguments.of("a to_node past the last node", damaged("[1,0,7", "[1,0,21"),
                        "edge 0 points to node index 21, beyond the 3 nodes"),
                Arguments.of("a node type the meta does not name", damaged("[9,0,1", "[10,0,1"),
                        "node 0 has type 10 but the meta names only 10 node types"),
                Arguments.of("an edge type the meta does not name", damaged(",2,2,14]", ",7,2,14]"),
                        "edge 1 has type 7 but the meta names only 7 edge types"),
                Arguments.of("a node name past the strings", damaged(",3,1,3,32", ",3,9,3,32"),
                        "node 1 names string 9 but there are only 4 strings"),
                Arguments.of("a node name past any int", damaged(",3,1,3,32", ",3,3000000000,3,32"),
                        "node 1 names string 3000000000, beyond any string table"),
                Arguments.of("an edge name past the strings", damaged(",2,2,14]", ",2,4,14]"),
                        "edge 1 names string 4 but there are only 4 strings"),
                Arguments.of("nodes declaring more edges than announced", damaged("3,32,0,0,0", "3,32,1,0,0"),
                        "the nodes declare more edges (3) than the 2 the file announced"),
                Arguments.of("nodes declaring fewer edges than the file holds", damaged("[9,0,1,0,2", "[9,0,1,0,1"),
                        "the nodes' edge counts add up to 1 but the file holds 2 edges"),
                Arguments.of("no nodes at all", damaged("\"node_count\":3", "\"node_count\":0")
                                .replaceAll("\"nodes\":\\[[^]]*]", "\"nodes\":[]")
                                .replace("\"edge_count\":2", "\"edge_count\":0")
                                .replaceAll("\"edges\":\\[[^]]*]", "\"edges\":[]"),
                        "the heap has no nodes"),
                Arguments.of("a detachedness V8 never writes", damaged("3,32,0,0,0", "3,32,0,0,3"),
                        "node 1 has detachedness 3, not 0 (unknown), 1 (attached) or 2 (detached)"),
                Arguments.of("a root_index between two nodes", damaged("\"edge_count\":2}", "\"edge_count\":2,"
                                + "\"root_index\":8}"),
                        "the snapshot header's root_index 8 is not the index of a node (a multiple of 7 below 7 × 3)"),
                Arguments.of("a root that is neither first nor last", damaged("\"edge_count\":2}", "\"edge_count\":2,"
                                + "\"root_index\":7}"),
                        "the root must be the first or the last node, not node 1"),
                Arguments.of("locations without location_fields",
                        damaged(",\"location_fields\":[\"object_index\",\"script_id\",\"line\",\"column\"]", "")
                                .replace("\"locations\":[]", "\"locations\":[7,1,2,3]"),
                        "the file has locations but the snapshot meta lacks 'location_fields'"),
                Arguments.of("a location for no node", damaged("\"locations\":[]", "\"locations\":[8,1,2,3]"),
                        "location 0 belongs to object_index 8, which is not the index of a node (a multiple of 7 "
                                + "below 7 × 3)"),
                Arguments.of("a locations array with a partial row", damaged("\"locations\":[]",
                                "\"locations\":[7,1,2,3,14]"),
                        "the locations array holds 5 numbers, not a multiple of the 4 location fields"),
                Arguments.of("nodes before the header", "{\"nodes\":[]," + VALID.substring(1),
                        "the 'nodes' section comes before the 'snapshot' header"),
                Arguments.of("two edges arrays", damaged("\"trace_tree\":[]", "\"edges\":[]"),
                        "the file has two 'edges' sections"),
                Arguments.of("no strings array", damaged("\"strings\"", "\"strangs\""),
                        "the file has no 'strings' array"),
                Arguments.of("a strings array holding a number", damaged("\"Ada\"]", "5]"),
                        "expected a string in the strings array at byte " + byteAt(VALID, "\"Ada\"]", 0)
                                + ", found '5'"),
                Arguments.of("a negative number", damaged("[9,0,1", "[-9,0,1"),
                        "expected a non-negative whole number in the nodes array at byte "
                                + byteAt(VALID, "[9,0,1", 1) + ", found '-'"),
                Arguments.of("a fraction", damaged("[1,0,7", "[1.0,0,7"),
                        "expected ',' or ']' in the edges array at byte " + byteAt(VALID, "[1,0,7", 2)
                                + ", found '.'"),
                Arguments.of("a leading zero", damaged("[1,0,7", "[1,0,07"),
                        "a number with a leading zero in the edges array (at byte " + byteAt(VALID, "[1,0,7", 5)
                                + ")"),
                Arguments.of("a number of 19 digits", damaged("[1,0,7", "[1,0,1234567890123456789"),
                        "a number with more than 18 digits in the edges array (at byte " + byteAt(VALID, "[1,0,7", 5)
                                + ")"),
                Arguments.of("a missing comma between sections", damaged("\"trace_tree\":[],", "\"trace_tree\":[]"),
                        "expected ',' or '}' in the top-level object at byte " + byteAt(VALID, "\"locations\"", -1)
                                + ", found '\"'"),
                Arguments.of("mismatched brackets in a skipped section", damaged("\"trace_tree\":[]",
                                "\"trace_tree\":[[1,2}]"),
                        "expected ']' in the 'trace_tree' section at byte " + byteAt(VALID, "\"trace_tree\"", 18)
                                + ", found '}'"),
                Arguments.of("a raw control character in a string", damaged("\"Ada\"", "\"A\tda\""),
                        "a raw control character (byte 0x09) inside a string in the strings array (at byte "
                                + byteAt(VALID, "\"Ada\"", 2) + ")"),
                Arguments.of("an unknown escape", damaged("\"Ada\"", "\"A\\xda\""),
                        "expected a valid escape after '\\' in the strings array at byte "
                                + byteAt(VALID, "\"Ada\"", 3) + ", found 'x'"),
                Arguments.of("a \\u escape with a non-hex digit", damaged("\"Ada\"", "\"A\\u00g1\""),
                        "expected a hex digit of a \\u escape in the strings array at byte "
                                + byteAt(VALID, "\"Ada\"", 6) + ", found 'g'"),
                Arguments.of("a misspelled literal in the header", damaged("\"edge_count\":2}",
                                "\"edge_count\":2,\"x\":nul}"),
                        "an unknown word 'nul' in the snapshot header (at byte "
                                + byteAt(VALID, "\"edge_count\":2}", 19) + ")"),
                Arguments.of("more node types than Heapscope can tell apart",
                        damaged("\"synthetic\"]", IntStream.range(0, 200).mapToObj(i -> "\"type " + i + "\"")
                                .reduce("\"synthetic\"", (a, b) -> a + "," + b) + "]"),
                        "the snapshot meta names more node types than Heapscope can hold (210)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damage")
    void namesTheDamage(String damage, String json, String problem) throws Exception {
        assertProblem(json, problem);
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        assertProblem("", "not a V8 heap snapshot: the file is empty");
    }

    @Test
    void rejectsAFileThatIsNotJson() throws Exception {
        assertProblem("JAVA PROFILE 1.0.2\0\0\0\4", "not a V8 heap snapshot: expected '{' at byte 0");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() throws Exception {
        assertProblem("  [1, 2, 3]", "not a V8 heap snapshot: expected '{' at byte 2");
    }

    @Test
    void namesTheSectionAndByteWhereATruncatedFileEnds() throws Exception {
        String inEdges = VALID.substring(0, VALID.indexOf("[1,0,7") + 4);
        String inString = VALID.substring(0, VALID.indexOf("Customer") + 3);
        String inHeader = VALID.substring(0, VALID.indexOf("\"edge_fields\""));
        String betweenSections = VALID.substring(0, VALID.indexOf("\"trace_tree\""));
        String inSkippedSection = VALID.substring(0, VALID.indexOf("\"trace_tree\"") + 14);

        assertProblem(inEdges, "truncated: the file ends inside the edges array (at byte " + inEdges.length() + ")");
        assertProblem(inString, "truncated: the file ends inside the strings array (at byte " + inString.length()
                + ")");
        assertProblem(inHeader, "truncated: the file ends inside the snapshot header (at byte " + inHeader.length()
                + ")");
        assertProblem(betweenSections, "truncated: the file ends inside the top-level object (at byte "
                + betweenSections.length() + ")");
        assertProblem(inSkippedSection, "truncated: the file ends inside the 'trace_tree' section (at byte "
                + inSkippedSection.length() + ")");
    }

    @Test
    void reportsATruncatedGzipFileAsTruncated() throws Exception {
        byte[] gzip = gzip(VALID);

        String cutInData = readExpectingProblem(Arrays.copyOf(gzip, gzip.length / 2)).problem();
        String cutInHeader = readExpectingProblem(Arrays.copyOf(gzip, 5)).problem();

        assertTrue(cutInData.startsWith("truncated: the compressed data ends inside "), cutInData);
        assertEquals("truncated: the file ends inside the gzip header", cutInHeader);
    }

    @Test
    void reportsCorruptGzipDataAsCorrupt() throws Exception {
        byte[] badMethod = gzip(VALID);
        badMethod[2] = 7;
        byte[] badData = gzip(VALID);
        for (int i = 10; i < 40; i++) {
            badData[i] = (byte) 0xFF;
        }

        assertEquals("the gzip header is corrupt: Unsupported compression method",
                readExpectingProblem(badMethod).problem());
        assertTrue(readExpectingProblem(badData).problem()
                .startsWith("the gzip data is corrupt inside the top-level object (at byte 0): "));
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
