package heapscope.parser.read;

import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.HprofReader;
import heapscope.parser.read.v8.V8SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        byte[] head = new byte[HPROF_MAGIC.length];
        int length;
        try (InputStream in = openForDetection(file)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (java.util.zip.ZipException e) {
            throw new HeapFileException(file, "not a heap dump: the gzip data is damaged (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new HeapFileException(file, "truncated: the gzip data ends before any content");
        }
        if (length == HPROF_MAGIC.length && java.util.Arrays.equals(head, HPROF_MAGIC)) {
            return HeapFormat.HPROF;
        }
        for (int i = 0; i < length; i++) {
            byte b = head[i];
            if (b == '{') {
                return HeapFormat.V8_HEAPSNAPSHOT;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
        }
        if (length == 0) {
            throw new HeapFileException(file, "not a heap dump: the file is empty");
        }
        throw new HeapFileException(file, "not a heap dump: it starts with neither '{' (V8 heap snapshot) nor "
                + "'JAVA PROFILE' (HPROF)");
    }

    public static HeapGraph read(Path file, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        return switch (detect(file)) {
            case V8_HEAPSNAPSHOT -> V8SnapshotReader.read(file, listener, cancel);
            case HPROF -> HprofReader.read(file, listener, cancel).graph();
        };
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
