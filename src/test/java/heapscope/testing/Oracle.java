package heapscope.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the committed DevTools-oracle JSON (src/test/scripts/v8/make-fixtures.sh wrote it; the fixtures' README says
 * what each file holds). Tests take object ids and filter bounds from these files rather than from literals, so that
 * regenerated fixtures keep the tests meaningful.
 */
public final class Oracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Oracle() {
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the instances an {@code instances-CLASS.json} file lists, in DevTools' order. */
    public static List<Long> instanceIds(Path instancesFile) {
        List<Long> ids = new ArrayList<>();
        read(instancesFile).get("instances").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    /** The row of one class in a summary or diff file, by class name; fails when there is none or several. */
    public static JsonNode classRow(JsonNode document, String name) {
        JsonNode found = null;
        for (JsonNode row : document.get("classes")) {
            if (row.get("name").asText().equals(name)) {
                if (found != null) {
                    throw new AssertionError("two rows named " + name);
                }
                found = row;
            }
        }
        if (found == null) {
            throw new AssertionError("no row named " + name);
        }
        return found;
    }
}
