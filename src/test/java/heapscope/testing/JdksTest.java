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
        assertEquals(-1, Jdks.major(home), "an empty folder is no JDK");
        Files.createDirectories(home.resolve("bin"));
        for (String tool : new String[] {"java", "jcmd"}) {
            Files.writeString(home.resolve("bin").resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(home.resolve("bin").resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(-1, Jdks.major(home), "no release file");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        assertEquals(25, Jdks.major(home));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"1.8.0_402\"\n");
        assertEquals(8, Jdks.major(home));
        Files.delete(home.resolve("bin/jcmd"));
        assertEquals(-1, Jdks.major(home), "a JRE without jcmd cannot be dumped");
    }

    @Test
    void theTestJvmsOwnJdkIsFoundWhereTheSystemKeepsJdks() {
        Path own = Path.of(System.getProperty("java.home"));
        if (own.startsWith("/usr/lib/jvm")) {
            assertTrue(Jdks.find(Runtime.version().feature()).isPresent(), Jdks.missing(Runtime.version().feature()));
        }
        assertTrue(Jdks.missing(99).startsWith("no JDK 99 found in $HEAPSCOPE_TEST_JDKS or under /usr/lib/jvm"));
    }
}
