package heapscope.parser.read;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.CacheFolder;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes a pipe or FIFO readable like a file: its bytes are copied once into the user's cache folder and every reader
 * opens the copy (readers need the file's size and read an HPROF dump twice, then again for objects' fields). A pipe
 * can be read only once, so the copy is remembered for the process's life and deleted when the JVM exits. A FIFO that
 * no program opens for writing is refused after {@link #WAIT_FOR_WRITER_SECONDS} instead of waiting forever.
 *
 * <p>Each copy has a folder of its own, {@code pipe-*}, with a {@value #LOCK_FILE} file that the process holds locked
 * while it lives: a process that dies leaves its folder behind, and {@link #removeLeftovers} (the cache's clearing
 * and eviction) tells such leftovers from a live process's copy by trying the lock, which the system releases when
 * its holder ends.
 *
 * <p>Thread-safe. Does IO: reads the pipe, writes only into the cache folder.
 */
public final class PipeSpool {
    static final int WAIT_FOR_WRITER_SECONDS = 10;
    private static final String FOLDER_PREFIX = "pipe-";
    static final String LOCK_FILE = "owner.lock";
    /**
     * A folder younger than this is left alone whatever its lock says: its process may be making it (the lock file
     * is made, then locked). A folder without a lock file (made before lock files were) counts as left behind after
     * that.
     */
    private static final long GRACE_MILLIS = 60_000;
    private static final Map<Path, Path> SPOOLED = new HashMap<>();
    /** The locks of this process's folders, held until it ends. */
    private static final List<FileLock> OWNED = new ArrayList<>();

    private PipeSpool() {
    }

    /** The copy of the pipe's bytes, made now unless this process already made it. */
    static synchronized Path spool(Path pipe, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        Path key = pipe.toAbsolutePath().normalize();
        Path known = SPOOLED.get(key);
        if (known != null && Files.exists(known)) {
            return known;
        }
        Path folder = Files.createDirectories(CacheFolder.resolve());
        Path own = Files.createTempDirectory(folder, FOLDER_PREFIX);
        own.toFile().deleteOnExit();
        lock(own);
        Path copy = own.resolve(pipe.getFileName().toString());
        copy.toFile().deleteOnExit();
        try (InputStream in = openWaitingForWriter(pipe, cancel); OutputStream out = Files.newOutputStream(copy)) {
            byte[] buffer = new byte[1 << 20];
            long done = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                cancel.throwIfCanceled();
                out.write(buffer, 0, n);
                done += n;
                listener.progress(done, -1);
            }
        } catch (IOException | RuntimeException | HeapFileException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        SPOOLED.put(key, copy);
        return copy;
    }

    /** Locks the folder's lock file for the rest of this process's life. */
    private static void lock(Path own) throws IOException {
        Path lockFile = own.resolve(LOCK_FILE);
        lockFile.toFile().deleteOnExit();
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OWNED.add(channel.lock());
    }

    /**
     * Removes the pipe copies in {@code cacheFolder} that processes which have ended left behind (they died before
     * their exit could delete them); never a live process's. Returns how many.
     */
    public static int removeLeftovers(Path cacheFolder) throws IOException {
        if (!Files.isDirectory(cacheFolder)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(cacheFolder, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder) && ownerEnded(folder) && deleteTree(folder)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Whether the process that made {@code folder} has ended: nothing holds its lock (see {@link #GRACE_MILLIS}). */
    private static boolean ownerEnded(Path folder) throws IOException {
        FileTime changed = Files.getLastModifiedTime(folder);
        if (System.currentTimeMillis() - changed.toMillis() < GRACE_MILLIS) {
            return false;
        }
        Path lockFile = folder.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process holds it
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException mine) {
            return false; // this process holds it
        } catch (java.nio.file.NoSuchFileException gone) {
            return false; // its owner removed it meanwhile
        }
    }

    private static boolean deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
            return true;
        } catch (IOException e) {
            return false; // removed by another process meanwhile, or held open (Windows): a later clearing retries
        }
    }

    /**
     * Opens the pipe for reading. Opening a FIFO blocks until a writer opens it too; after the wait (or on cancel)
     * this opens it for writing itself, without writing a byte, only so that the blocked open returns, and refuses.
     */
    private static InputStream openWaitingForWriter(Path pipe, CancelSignal cancel)
            throws HeapFileException, IOException {
        FutureTask<FileInputStream> opening = new FutureTask<>(() -> new FileInputStream(pipe.toFile()));
        Thread opener = new Thread(opening, "heapscope-pipe-open");
        opener.setDaemon(true);
        opener.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_FOR_WRITER_SECONDS);
        while (true) {
            try {
                return opening.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancel.isCanceled() || System.nanoTime() > deadline) {
                    release(pipe, opening);
                    cancel.throwIfCanceled();
                    throw new HeapFileException(pipe, "is a pipe that nothing writes to (waited "
                            + WAIT_FOR_WRITER_SECONDS + " s)");
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for " + pipe);
            }
        }
    }

    private static void release(Path pipe, FutureTask<FileInputStream> opening) {
        try (OutputStream ignored = new FileOutputStream(pipe.toFile(), true)) {
            // Opened and closed: the reader's open returns and it sees the end of the data.
        } catch (IOException e) {
            // The pipe went away meanwhile; the opener fails on its own.
        }
        try {
            opening.get(1, TimeUnit.SECONDS).close();
        } catch (Exception e) {
            // Nothing was opened.
        }
    }
}
