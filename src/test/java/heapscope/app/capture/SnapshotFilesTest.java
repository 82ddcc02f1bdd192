package heapscope.app.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** How snapshots are named and what a failed write leaves: the order of a series, and a full disk's sentence. */
class SnapshotFilesTest {
    private static final JvmTarget JVM = new JvmTarget(4242, "com.example.shop.Server", "Java 17.0.15", "dev", null);
    private static final InspectorTarget NODE = new InspectorTarget("node", 777, "server.js", "node.js/v20.20.2",
            "dev", "127.0.0.1", 9229, "ws://127.0.0.1:9229/abc", null);

    @TempDir
    Path folder;

    @Test
    void namesSayTargetTimeAndPlaceAndSortInTheOrderTaken() {
        Instant start = LocalDateTime.of(2025, 6, 1, 9, 59, 58).atZone(ZoneId.systemDefault()).toInstant();
        List<Path> series = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            series.add(SnapshotFileNames.next(folder, NODE, n, start.plusSeconds(n / 3), false));
        }
        assertEquals("node-777-server.js-20250601-095958-01.heapsnapshot", series.get(0).getFileName().toString());
        assertEquals("node-777-server.js-20250601-100002-12.heapsnapshot", series.get(11).getFileName().toString());
        assertEquals(series, series.stream().sorted().toList());
        assertEquals("jvm-4242-Server-20250601-095958-03.hprof.gz",
                SnapshotFileNames.next(folder, JVM, 3, start, true).getFileName().toString());
    }

    @Test
    void aNameAlreadyInTheFolderIsNotOverwritten() throws IOException {
        Instant now = Instant.now();
        Path first = SnapshotFileNames.next(folder, JVM, 1, now, false);
        Files.createFile(first);
        Path second = SnapshotFileNames.next(folder, JVM, 1, now, false);
        assertFalse(second.equals(first));
        assertTrue(second.getFileName().toString().endsWith("-01b.hprof"), second.toString());
    }

    @Test
    void unsafeCharactersInProgramNamesBecomeUnderscores() {
        assertEquals("my_app_v2.js", CaptureTarget.safeFileNamePart("my app/v2.js"));
        assertEquals("a".repeat(40), CaptureTarget.safeFileNamePart("a".repeat(60)));
        assertEquals("chrome-9222-page-Shop_Checkout", new InspectorTarget("page", -1, "Shop: Checkout", "", "",
                "127.0.0.1", 9222, "ws://127.0.0.1:9222/devtools/page/1", null).fileStem());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskIsSaidSoAndThePartialFileIsRemoved() throws IOException {
        // /dev/full fails every write with ENOSPC, as a full disk does.
        Path partial = folder.resolve("partial.heapsnapshot");
        Files.writeString(partial, "{\"snapshot\":");
        IOException full = assertThrowsIo(() -> {
            try (FileOutputStream out = new FileOutputStream("/dev/full")) {
                out.write(new byte[4096]);
                out.flush();
            }
        });
        CaptureException sentence = OutputFiles.writeFailed("node 777 (server.js)", partial, full);
        assertTrue(sentence.getMessage().startsWith("the disk holding " + folder + " is full ("),
                sentence.getMessage());
        assertTrue(sentence.getMessage().endsWith("the snapshot of node 777 (server.js) did not fit; the partial file"
                + " was removed"), sentence.getMessage());
        assertFalse(Files.exists(partial));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static IOException assertThrowsIo(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("no IOException");
    }
}
