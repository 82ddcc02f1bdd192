package heapscope.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Humanised sizes with exact bytes beside them; the export formats. */
class SizesAndExportTest {
    @Test
    void sizesAreHumanisedAndExactWhereAsked() {
        assertEquals("512 B", Sizes.human(512));
        assertEquals("1.00 KB", Sizes.human(1024));
        assertEquals("169 KB", Sizes.human(172_800));
        assertEquals("21.9 KB", Sizes.human(22_400));
        assertEquals("1.17 GB", Sizes.human(1_253_318_491));
        assertEquals("172,800 bytes", Sizes.exact(172_800));
        assertEquals("1,234,567", Sizes.count(1_234_567));
        assertEquals("-1,000", Sizes.count(-1000));
        assertEquals("999", Sizes.count(999));
        assertEquals("5 %", Sizes.percent(172_800, 3_612_375));
        assertEquals("<1 %", Sizes.percent(1, 3_612_375));
        assertEquals("\u2212", Sizes.distance(100_000_003));
        assertEquals("+400", Sizes.signed(400, false));
        assertEquals("\u22123", Sizes.signed(-3, false));
    }

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
