package heapscope.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export formats. */
class ExportTableTest {
    @Test
    void csvQuotesWhatNeedsItAndJsonNamesTheColumns(@TempDir Path dir) throws Exception {
        ExportTable table = new ExportTable("Summary of Snapshot 3", List.of("depth", "Constructor", "Retained Size"),
                List.of(List.of("0", "{a, b}", "172800"), List.of("1", "say \"hi\"", "432")));
        Path csv = dir.resolve("t.csv");
        table.writeCsv(csv);
        assertEquals("depth,Constructor,Retained Size\r\n0,\"{a, b}\",172800\r\n1,\"say \"\"hi\"\"\",432\r\n",
                Files.readString(csv));
        Path json = dir.resolve("t.json");
        table.writeJson(json);
        String text = Files.readString(json);
        assertTrue(text.contains("\"view\" : \"Summary of Snapshot 3\""), text);
        assertTrue(text.contains("\"Retained Size\" : \"172800\""), text);
    }
}
