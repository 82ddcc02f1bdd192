package heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heapscope.parser.analysis.matching.workload.IdentityWorkload;
import heapscope.parser.analysis.matching.workload.TruthDump.TrackedObject;
import heapscope.parser.analysis.matching.workload.WorkloadSeries;
import heapscope.testing.Jdks;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 3-snapshot method and the object-level Comparison on Java heap dumps, through the command line, against the truth
 * the {@link IdentityWorkload} program records (see {@code ObjectMatchingTruthTest} for every collector).
 */
class JavaSeriesCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = IdentityWorkload.class.getName() + "$Order";

    @TempDir
    static Path dir;
    private static WorkloadSeries series;

    @BeforeAll
    static void runTheWorkload() throws Exception {
        series = WorkloadSeries.run(Jdks.current().resolve("bin/java"), dir, 1, "-Xmx256m");
    }

    private static String dump(int phase) {
        return series.dumps().get(phase - 1).toString();
    }

    @Test
    void summaryAllocatedBetweenCountsWhatTheProgramMadeBetweenTheFirstTwoDumps() throws Exception {
        CliRunner.Run run = CliRunner.run("summary", dump(3), "--allocated-between", dump(1), dump(2), "--json",
                "--no-progress", "--instances", ORDER);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals("allocated-between", doc.at("/filter/kind").asText());
        assertEquals("structural", doc.at("/filter/matching").asText());
        assertEquals(2, doc.at("/filter/steps").size());
        JsonNode step = doc.at("/filter/steps/1");
        assertEquals(step.get("objects").asLong(), step.get("matched").asLong() + step.get("newObjects").asLong());
        long byRule = 0;
        for (JsonNode count : step.get("matchedBy")) {
            byRule += count.asLong();
        }
        assertEquals(step.get("matched").asLong(), byRule);

        Map<String, Long> truth = new HashMap<>();
        Set<Long> orderAddresses = new HashSet<>();
        for (TrackedObject o : series.objects(2).values()) {
            if (series.phaseOf(o.serial()) == 2) {
                truth.merge(o.className(), 1L, Long::sum);
                if (o.className().equals(ORDER)) {
                    orderAddresses.add(o.address());
                }
            }
        }
        Map<String, Long> counted = new HashMap<>();
        doc.get("classes").forEach(row -> counted.put(row.get("name").asText(), row.get("count").asLong()));
        for (String className : truth.keySet()) {
            assertEquals(truth.get(className), counted.getOrDefault(className, 0L), className);
        }
        Set<Long> listed = new HashSet<>();
        doc.at("/instances/ids").forEach(id -> listed.add(id.asLong()));
        assertEquals(orderAddresses, listed);
    }

    @Test
    void diffCountsNewAndDeletedObjectsOneByOne() throws Exception {
        CliRunner.Run run = CliRunner.run("diff", dump(1), dump(2), "--json", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals("structural", doc.get("matching").asText());
        Set<Long> serialsBefore = new HashSet<>();
        series.objects(0).values().forEach(o -> serialsBefore.add(o.serial()));
        Set<Long> serialsAfter = new HashSet<>();
        series.objects(1).values().forEach(o -> serialsAfter.add(o.serial()));
        long newOrders = series.objects(1).values().stream()
                .filter(o -> o.className().equals(ORDER) && !serialsBefore.contains(o.serial())).count();
        long deletedOrders = series.objects(0).values().stream()
                .filter(o -> o.className().equals(ORDER) && !serialsAfter.contains(o.serial())).count();
        JsonNode orders = null;
        for (JsonNode row : doc.get("classes")) {
            if (row.get("name").asText().equals(ORDER)) {
                orders = row;
            }
        }
        assertTrue(orders != null, run.out());
        assertEquals(newOrders, orders.get("newCount").asLong());
        assertEquals(deletedOrders, orders.get("deletedCount").asLong());
        assertEquals(newOrders - deletedOrders, orders.get("countDelta").asLong());
        assertTrue(deletedOrders > 0 && newOrders > deletedOrders, "the workload adds and removes orders");
    }
}
