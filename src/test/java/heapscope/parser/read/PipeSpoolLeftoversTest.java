package heapscope.parser.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipe copies a process leaves in the cache folder when it dies are removed, a live process's are not: real
 * {@code heapscope summary FIFO} processes, one killed while it waits for the FIFO's writer (so its exit cannot delete
 * its folder), one still waiting.
 */
class PipeSpoolLeftoversTest {
    @TempDir
    Path dir;

    @Test
    void aDeadProcessesPipeCopyGoesAndALiveOnesStays() throws Exception {
        Path cache = dir.resolve("cache");
        Path deadFifo = fifo("dead.fifo");
        Path liveFifo = fifo("live.fifo");
        Process dead = heapscope(cache, deadFifo);
        Process live = null;
        try {
            Path deadFolder = awaitLockedFolder(cache, Set.of());
            dead.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            live = heapscope(cache, liveFifo);
            Path liveFolder = awaitLockedFolder(cache, Set.of(deadFolder));
            // Both older than the grace a folder being made has.
            FileTime old = FileTime.from(Instant.now().minusSeconds(300));
            Files.setLastModifiedTime(deadFolder, old);
            Files.setLastModifiedTime(liveFolder, old);

            assertEquals(1, PipeSpool.removeLeftovers(cache));
            assertFalse(Files.exists(deadFolder), "the killed process's copy is left");
            assertTrue(Files.exists(liveFolder.resolve(PipeSpool.LOCK_FILE)), "the live process's copy is gone");
        } finally {
            dead.destroyForcibly();
            if (live != null) {
                live.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return null;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        return fifo;
    }

    /** {@code heapscope summary FIFO} with its cache folder in {@code cache}: it spools the FIFO, waiting for a writer. */
    private static Process heapscope(Path cache, Path fifo) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dheapscope.cache.dir=" + cache, "-cp", System.getProperty("java.class.path"),
                "heapscope.app.Launcher", "summary", fifo.toString(), "--no-progress")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Waits for a new pipe copy folder whose lock another process holds. */
    private static Path awaitLockedFolder(Path cache, Set<Path> known) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Path folder : folders(cache)) {
                if (!known.contains(folder) && lockedElsewhere(folder.resolve(PipeSpool.LOCK_FILE))) {
                    return folder;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no process made a pipe copy folder in " + cache);
    }

    private static List<Path> folders(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().startsWith("pipe-")).collect(Collectors.toList());
        }
    }

    private static boolean lockedElsewhere(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return false;
            }
            return true;
        }
    }
}
