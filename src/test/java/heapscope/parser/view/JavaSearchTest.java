package heapscope.parser.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.ObjectNames;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.read.hprof.format.JavaNames;
import heapscope.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Find on the committed JDK 25 dump, against what SmallFixture.java (beside the dump) put in it: the keys
 * {@code "square-0"} to {@code "square-299"} of BY_NAME, the String TEXT, and the class objects of its own classes.
 */
class JavaSearchTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/hprof");
    private static NodeRows rows;

    @BeforeAll
    static void load() {
        rows = new NodeRows(Fixtures.load(Fixtures.JDK25_SMALL));
    }

    /** "square-1", "square-10" to "-19" and "square-100" to "-199": 111 Strings, found by their text. */
    @Test
    void stringsAreFoundByTheirText() {
        NodeSearch.Result found = NodeSearch.byText(rows, "Square-1", 1000, CancelSignal.NEVER);
        assertEquals(111, found.total());
        assertEquals(111, found.rows().size());
        for (NodeRow row : found.rows()) {
            assertEquals("java.lang.String", row.className());
            String text = rows.heap().graph().objectText(row.ordinal(), 100);
            assertTrue(text.startsWith("square-1"), text);
        }
        assertEquals(List.of(), found.classes(), "no class is named so");
        assertEquals(5, NodeSearch.byText(rows, "square-1", 5, CancelSignal.NEVER).rows().size(), "the first five");
    }

    @Test
    void theStringTextIsSearchedBeyondItsFirstWordIgnoringCase() {
        NodeSearch.Result found = NodeSearch.byText(rows, "FIXTURE: GR", 10, CancelSignal.NEVER);
        assertEquals(1, found.total());
        assertEquals("Heapscope fixture: grüße, 日本語", rows.heap().graph().objectText(found.rows().get(0).ordinal(), 100));
    }

    /**
     * A class name finds the class (with its instance count, classes sorted by name) and its class object; a class
     * without instances is not listed, but its class object is found.
     */
    @Test
    void classesAndClassObjectsAreFoundByName() {
        NodeSearch.Result found = NodeSearch.byText(rows, "smallfixture$s", 10, CancelSignal.NEVER);
        assertEquals(1, found.classes().size(), found.classes().toString());
        assertEquals("SmallFixture$Square", found.classes().get(0).name());
        assertEquals(300, found.classes().get(0).count());
        List<String> classObjects = found.rows().stream()
                .map(row -> ObjectNames.classObjectName(rows.heap().graph(), row.ordinal()))
                .filter(name -> name != null).sorted().toList();
        assertEquals(List.of("class SmallFixture$Shape", "class SmallFixture$Square"), classObjects);
        NodeSearch.Result hashes = NodeSearch.byText(rows, "java.util.hash", 10, CancelSignal.NEVER);
        List<String> names = hashes.classes().stream().map(NodeSearch.ClassMatch::name).toList();
        assertTrue(names.containsAll(List.of("java.util.HashMap", "java.util.HashMap$Node")), names.toString());
        assertEquals(names.stream().sorted().toList(), names, "by name");
        for (String name : names) {
            assertTrue(name.toLowerCase(Locale.ROOT).contains("java.util.hash"), name);
        }
    }

    /**
     * Find's classes, as the user sees them: every class whose name holds the text (13 of the JDK's for "hashmap",
     * arrays of them included), in name order (upper case before lower: "java.util.WeakHashMap" before
     * "java.util.concurrent..."), each with the instance count of jcmd's histogram, taken right before the dump.
     */
    @Test
    void foundClassesAreInNameOrderWithTheJvmsOwnInstanceCounts() throws Exception {
        Pattern histogramRow = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+).*");
        Map<String, Long> jvm = new TreeMap<>();
        for (String line : Files.readAllLines(FIXTURES.resolve("jdk25-small.histogram.txt"))) {
            Matcher row = histogramRow.matcher(line);
            String name = row.matches() ? JavaNames.fromInternal(row.group(2)) : "";
            if (name.toLowerCase(Locale.ROOT).contains("hashmap")) {
                jvm.put(name, Long.parseLong(row.group(1)));
            }
        }
        List<String> expected = new ArrayList<>();
        jvm.forEach((name, count) -> expected.add(name + " \u00d7" + count));
        List<String> listed = NodeSearch.byText(rows, " HashMap ", 10, CancelSignal.NEVER).classes().stream()
                .map(c -> c.name() + " \u00d7" + c.count()).toList();
        assertEquals(13, expected.size(), expected.toString());
        assertEquals(expected, listed);
    }
}
