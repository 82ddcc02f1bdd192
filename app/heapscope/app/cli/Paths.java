package heapscope.app.cli;

import java.nio.file.Path;

/** How the CLI's JSON names files: absolute and normalised, so a document says which file it describes. */
final class Paths {
    private Paths() {
    }

    static String absolute(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
