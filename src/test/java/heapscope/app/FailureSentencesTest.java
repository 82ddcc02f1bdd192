package heapscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.read.NotEnoughMemoryException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sentences the CLI and the app both show, one line each, naming the file. */
class FailureSentencesTest {
    @Test
    void anUnreadableFileSaysPermissionDenied() {
        assertEquals("secret.hprof: cannot be read: permission denied", FailureSentences.sentence(
                Path.of("/x/secret.hprof"), new AccessDeniedException("/x/secret.hprof")));
    }

    @Test
    void aHeapFileExceptionIsItsOwnMessage() {
        assertEquals("a.hprof: truncated", FailureSentences.sentence(Path.of("a.hprof"),
                new HeapFileException(Path.of("a.hprof"), "truncated")));
    }

    @Test
    void runningOutOfMemoryNamesAnXmxForJavaJar() {
        String text = FailureSentences.sentence(Path.of("big.heapsnapshot"), NotEnoughMemoryException.ranOut(
                Path.of("big.heapsnapshot"), MemoryEstimate.forV8(2_000_000, 12_600_000), new OutOfMemoryError()));
        assertTrue(text.startsWith("big.heapsnapshot: ran out of memory while opening it (it needs about "), text);
        assertTrue(text.matches(".*start it with more, e\\.g\\. java -Xmx\\d+[mg] -jar heapscope\\.jar"), text);
    }

    @Test
    void theInstalledAppIsToldItsLauncherConfigAndJavaToolOptions(@TempDir Path dir) throws Exception {
        Path launcher = Files.createDirectories(dir.resolve("heapscope/bin")).resolve("heapscope");
        Path cfg = Files.createDirectories(dir.resolve("heapscope/lib/app")).resolve("heapscope.cfg");
        Files.writeString(cfg, "[JavaOptions]\n");
        String old = System.getProperty("jpackage.app-path");
        System.setProperty("jpackage.app-path", launcher.toString());
        try {
            assertEquals("give it more with JAVA_TOOL_OPTIONS=-Xmx3g in the environment, or java-options=-Xmx3g in "
                    + cfg, FailureSentences.memoryAdvice("3g"));
        } finally {
            if (old == null) {
                System.clearProperty("jpackage.app-path");
            } else {
                System.setProperty("jpackage.app-path", old);
            }
        }
    }
}
