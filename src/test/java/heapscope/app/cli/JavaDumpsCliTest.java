package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassTable;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.testing.JavaDumps;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Java face of {@code summary --allocated-between}, {@code --instances} and {@code diff}, on the three dumps of
 * src/test/resources/programs/GrowingStaticMap.java ({@link JavaDumps}, made once per test JVM): the program leaks
 * {@value JavaDumps#SESSIONS_PER_ROUND} sessions per round and removes none, so each count below is the program's.
 * Each session brings five objects: the Session, its token, its user name (a String and its byte[]) and the map's node.
 */
class JavaDumpsCliTest {
    private static final String SESSION = "GrowingStaticMap$Session";
    private static final long PER_ROUND = JavaDumps.SESSIONS_PER_ROUND;

    private static String round(int k) {
        return JavaDumps.growingStaticMap().get(k - 1).toString();
    }

    private static JsonNode row(JsonNode doc, String className) {
        for (JsonNode row : doc.get("classes")) {
            if (row.get("name").asText().equals(className)) {
                return row;
            }
        }
        throw new AssertionError("no row " + className + " in " + doc.get("classes"));
    }

    private static int nodeCount(int round) {
        return CliRunner.json("info", round(round), "--json", "--no-progress").get("nodeCount").asInt();
    }

    /** A step of the object matching: its files, and every object of the newer dump matched by one rule or new. */
    private static void checkStep(JsonNode step, int base, int target) {
        assertEquals(Path.of(round(base)).toAbsolutePath().toString(), step.get("base").asText());
        assertEquals(Path.of(round(target)).toAbsolutePath().toString(), step.get("target").asText());
        assertEquals(nodeCount(target), step.get("objects").asLong());
        assertEquals(step.get("objects").asLong(), step.get("matched").asLong() + step.get("newObjects").asLong());
        long byRule = 0;
        for (JsonNode count : step.get("matchedBy")) {
            byRule += count.asLong();
        }
        assertEquals(step.get("matched").asLong(), byRule);
        assertTrue(step.get("newObjects").asLong() >= 5 * PER_ROUND, step.toString());
    }

    @Test
    void allocatedBetweenTheFirstTwoDumpsAreTheSecondRoundsSessions() throws Exception {
        JsonNode doc = CliRunner.json("summary", round(3), "--allocated-between", round(1), round(2), "--json",
                "--no-progress", "--instances", SESSION);
        JsonNode filter = doc.get("filter");
        assertEquals("allocated-between", filter.get("kind").asText());
        assertEquals("structural", filter.get("matching").asText());
        assertEquals(Path.of(round(1)).toAbsolutePath().toString(), filter.get("first").asText());
        assertEquals(Path.of(round(2)).toAbsolutePath().toString(), filter.get("last").asText());
        assertEquals(1, filter.get("afterSnapshot").asInt());
        assertEquals(2, filter.get("upToSnapshot").asInt());
        assertEquals(2, filter.get("steps").size());
        checkStep(filter.at("/steps/0"), 1, 2);
        checkStep(filter.at("/steps/1"), 2, 3);
        assertEquals(PER_ROUND, row(doc, SESSION).get("count").asLong());

        // The listed ids are those of sessions in the third dump, one per counted session.
        assertEquals(SESSION, doc.at("/instances/className").asText());
        Set<Long> ids = new HashSet<>();
        doc.at("/instances/ids").forEach(id -> ids.add(id.asLong()));
        assertEquals(PER_ROUND, doc.at("/instances/ids").size());
        assertEquals(PER_ROUND, ids.size());
        AnalyzedHeap third = HeapLoader.load(Path.of(round(3)), ProgressListener.NO_OP, CancelSignal.NEVER);
        Map<Long, String> classById = new HashMap<>();
        ClassTable classes = third.classes();
        for (int node = 0; node < third.graph().nodeCount(); node++) {
            classById.put(third.graph().nodeId(node), classes.name(classes.classByNode().get(node)));
        }
        for (long id : ids) {
            assertEquals(SESSION, classById.get(id), "@0x" + Long.toHexString(id));
        }
    }

    @Test
    void whenTheLastDumpIsTheFileItIsMatchedOnce() {
        JsonNode doc = CliRunner.json("summary", round(2), "--allocated-between", round(1), round(2), "--json",
                "--no-progress");
        assertEquals(1, doc.at("/filter/steps").size());
        checkStep(doc.at("/filter/steps/0"), 1, 2);
        assertEquals(PER_ROUND, row(doc, SESSION).get("count").asLong());
    }

    @Test
    void theFirstDumpCannotBeTheFile() {
        CliRunner.Run run = CliRunner.run("summary", round(1), "--allocated-between", round(1), round(2),
                "--no-progress");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("FILE must come after FIRST"), run.err());
    }

    @Test
    void theTextListsTheInstancesByAddress() {
        CliRunner.Run run = CliRunner.run("summary", round(2), "--allocated-between", round(1), round(2),
                "--no-progress", "--instances", SESSION);
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.lines();
        int header = lines.indexOf(PER_ROUND + " objects of " + SESSION + ":");
        assertTrue(header > 0, run.out());
        assertEquals(PER_ROUND, lines.size() - header - 1);
        assertTrue(lines.subList(header + 1, lines.size()).stream().allMatch(l -> l.matches("@0x[0-9a-f]+")),
                run.out());
    }

    @Test
    void diffCountsTheRoundsSessionsAsNewAndNoneAsDeleted() {
        JsonNode doc = CliRunner.json("diff", round(1), round(2), "--json", "--no-progress");
        assertEquals("structural", doc.get("matching").asText());
        JsonNode sessions = row(doc, SESSION);
        assertEquals(PER_ROUND, sessions.get("newCount").asLong());
        assertEquals(0, sessions.get("deletedCount").asLong());
        assertEquals(PER_ROUND, sessions.get("countDelta").asLong());
        assertEquals(0, sessions.get("freedSize").asLong());
        // Every session has the same shallow size: the first dump's Summary gives it.
        JsonNode before = row(CliRunner.json("summary", round(1), "--json", "--no-progress"), SESSION);
        long sessionSize = before.get("shallowSize").asLong() / before.get("count").asLong();
        assertEquals(PER_ROUND * sessionSize, sessions.get("allocSize").asLong());
        assertEquals(PER_ROUND * sessionSize, sessions.get("sizeDelta").asLong());
        checkStep(doc.get("objectMatching"), 1, 2);
        assertEquals(nodeCount(1), doc.at("/baseInfo/nodeCount").asInt());
        assertEquals(nodeCount(2), doc.at("/targetInfo/nodeCount").asInt());

        JsonNode top = CliRunner.json("diff", round(1), round(2), "--json", "--no-progress", "--top", "1");
        assertEquals(1, top.get("classes").size());
        assertEquals(doc.at("/classes/0"), top.at("/classes/0"));
    }

    @Test
    void diffTextShowsTheSignedDeltasAndTheMatchingPhase() {
        CliRunner.Run run = CliRunner.run("diff", round(1), round(2), "--progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().lines().anyMatch(Phase.MATCHING_OBJECTS.label()::equals), run.err());
        String sessionLine = run.lines().stream().filter(l -> l.startsWith(SESSION + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(run.out()));
        List<String> cells = List.of(sessionLine.trim().split("\\s{2,}"));
        assertEquals(List.of(SESSION, "3000", "0", "+3,000"), cells.subList(0, 4), sessionLine);
    }
}
