package heapscope.app.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Names snapshot files so that they sort in the order they were taken and say what they are of:
 * {@code TARGET-yyyyMMdd-HHmmss-NN.EXT}, e.g. {@code node-4242-server.js-20250601-101500-02.heapsnapshot} (local time;
 * NN is the place in the series). A name already taken in the folder gets a letter: {@code ...-02b.hprof}. Stateless.
 */
final class SnapshotFileNames {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private SnapshotFileNames() {
    }

    static Path next(Path folder, CaptureTarget target, int number, Instant time, boolean gzip) {
        String base = target.fileStem() + "-" + TIME.format(time.atZone(ZoneId.systemDefault())) + "-"
                + String.format("%02d", number);
        String extension = target.fileExtension() + (gzip ? ".gz" : "");
        for (char suffix = 'a'; ; suffix++) {
            Path file = folder.resolve(base + (suffix == 'a' ? "" : String.valueOf(suffix)) + extension);
            if (!Files.exists(file) || suffix == 'z') {
                return file;
            }
        }
    }
}
