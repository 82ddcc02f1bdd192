package heapscope.parser.read;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.CacheFolder;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
 * <p>Thread-safe. Does IO: reads the pipe, writes only into the cache folder.
 */
final class PipeSpool {
    static final int WAIT_FOR_WRITER_SECONDS = 10;
    private static final Map<Path, Path> SPOOLED = new HashMap<>();

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
        Path copy = Files.createTempDirectory(folder, "pipe-").resolve(pipe.getFileName().toString());
        copy.getParent().toFile().deleteOnExit();
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
