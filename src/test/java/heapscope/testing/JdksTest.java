package heapscope.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the tests find JDKs: a Java home counts by its release file and its tools. */
class JdksTest {
    @Test
    void aJavaHomeIsKnownByItsReleaseFileAndTools(@TempDir Path home) throws Exception {
        assertEquals(-1, Jdks.majorVersion(home), "an empty folder is no JDK");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(home.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        assertEquals(25, Jdks.majorVersion(home));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.15+6\"\n");
        assertEquals(17, Jdks.majorVersion(home));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"\"\n");
        assertEquals(-1, Jdks.majorVersion(home));
    }

    @Test
    void theTestJvmsOwnJdkIsFoundWhereTheSystemKeepsJdks() {
        Path own = Path.of(System.getProperty("java.home"));
        if (own.startsWith("/usr/lib/jvm")) {
            assertTrue(Jdks.find(Runtime.version().feature()).isPresent(), Jdks.missing(Runtime.version().feature()));
        }
        assertTrue(Jdks.missing(99).startsWith("no JDK 99 found under "), Jdks.missing(99));
    }
}
