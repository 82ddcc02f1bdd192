package heapscope.parser.read;

import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.HprofReader;
import heapscope.parser.read.v8.V8SnapshotReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a heap file into a graph, choosing the reader by the file's first bytes (after gzip decompression when the
 * gzip magic is there), never by its name: {@code JAVA PROFILE} starts an HPROF dump, {@code {} a V8 heap snapshot.
 * Stateless; reads the file read-only.
 */
public final class HeapFiles {
    private static final byte[] HPROF_MAGIC = "JAVA PROFILE".getBytes(StandardCharsets.US_ASCII);

    private HeapFiles() {
    }

    /** The file's format as its content says, or throws naming what the file starts with. */
    public static HeapFormat detect(Path file) throws HeapFileException, IOException {
        try (InputStream in = new BufferedInputStream(openForDetection(file), 1 << 16)) {
            byte[] head = in.readNBytes(HPROF_MAGIC.length);
            if (Arrays.equals(head, HPROF_MAGIC)) {
                return HeapFormat.HPROF;
            }
            if (head.length == 0) {
                throw new HeapFileException(file, "not a heap dump: the file is empty");
            }
            // JSON may start with any amount of whitespace; the scan stops at the first other byte.
            int b = head[0] & 0xff;
            for (int i = 1; isJsonWhitespace(b); i++) {
                b = i < head.length ? head[i] & 0xff : in.read();
            }
            if (b == '{') {
                return HeapFormat.V8_HEAPSNAPSHOT;
            }
            throw new HeapFileException(file, b < 0 ? "not a heap dump: the file holds only whitespace"
                    : "not a heap dump: it starts with neither '{' (V8 heap snapshot) nor 'JAVA PROFILE' (HPROF)");
        } catch (java.util.zip.ZipException e) {
            throw new HeapFileException(file, "not a heap dump: the gzip data is damaged (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new HeapFileException(file, "truncated: the gzip data ends before any content");
        }
    }

    private static boolean isJsonWhitespace(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /**
     * Reads the heap file into a graph. A path that is not a regular file is checked first: a directory or an
     * unreadable file is refused naming the file, and a pipe or FIFO ({@code summary <(zcat app.hprof.gz)}) is copied
     * once into the user's cache folder ({@link PipeSpool}) and read from there.
     *
     * @throws HeapFileException the file is not a readable heap dump; one sentence naming it
     * @throws IOException reading failed for a reason outside the file's content
     */
    public static HeapGraph read(Path file, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        Path readable = readableFile(file, listener, cancel);
        return switch (detect(readable)) {
            case V8_HEAPSNAPSHOT -> V8SnapshotReader.read(readable, listener, cancel);
            case HPROF -> HprofReader.read(readable, listener, cancel).graph();
        };
    }

    /** The file itself when it is a regular readable file, the spooled copy of a pipe, or a refusal naming it. */
    static Path readableFile(Path file, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        if (Files.isRegularFile(file)) {
            if (!Files.isReadable(file)) {
                throw new HeapFileException(file, "cannot be read: permission denied");
            }
            return file;
        }
        if (!Files.exists(file)) {
            throw new HeapFileException(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new HeapFileException(file, "is a directory, not a heap dump");
        }
        if (!Files.isReadable(file)) {
            throw new HeapFileException(file, "cannot be read: permission denied");
        }
        return PipeSpool.spool(file, listener, cancel);
    }

    /**
     * The largest JS object id of a V8 snapshot (see {@link HeapGraph#maxJsObjectId}), for the allocation filters
     * that only need that bound from the other snapshots of a series. The graph is read and dropped.
     */
    public static long maxJsObjectId(Path file) throws HeapFileException, IOException {
        HeapGraph graph = read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
        if (graph.format() != HeapFormat.V8_HEAPSNAPSHOT) {
            throw new HeapFileException(file, "not a V8 heap snapshot: allocation ranges need V8 object ids");
        }
        return graph.maxJsObjectId();
    }

    private static InputStream openForDetection(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return HeapInput.isGzip(file) ? new GZIPInputStream(raw) : raw;
    }
}
