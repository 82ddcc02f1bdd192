package heapscope.parser.read;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a heap file for one sequential read: plain or gzip-compressed, told apart by the gzip magic bytes, never by
 * the file name (a sequence of gzip members, as {@code jcmd GC.heap_dump -gz} writes, reads as one stream). Progress is
 * reported in bytes of the file on disk, so it is exact for compressed files too; the cancel signal is checked on
 * every buffer refill. Opens the file read-only; nothing is ever written.
 */
public final class HeapInput {
    private static final int BUFFER_SIZE = 1 << 20;

    private HeapInput() {
    }

    /** Whether the file starts with the gzip magic bytes {@code 1f 8b}. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * The file's (decompressed) bytes. Reports {@code progress(bytesOfFileRead, fileSize)} to the listener as it
     * goes and throws {@link heapscope.parser.progress.CanceledException} once {@code cancel} is raised.
     */
    public static InputStream open(Path file, ProgressListener listener, CancelSignal cancel) throws IOException {
        long fileSize = Files.size(file);
        InputStream raw = new CountingStream(Files.newInputStream(file), fileSize, listener, cancel);
        if (isGzip(file)) {
            // Not buffered again: a BufferedInputStream fills its whole buffer in one call and, when the compressed
            // data ends, drops what it had inflated, so the reader could not say where the data ended.
            return new GZIPInputStream(raw, BUFFER_SIZE);
        }
        return new BufferedInputStream(raw, BUFFER_SIZE);
    }

    private static final class CountingStream extends FilterInputStream {
        private final long total;
        private final ProgressListener listener;
        private final CancelSignal cancel;
        private long done;

        CountingStream(InputStream in, long total, ProgressListener listener, CancelSignal cancel) {
            super(in);
            this.total = total;
            this.listener = listener;
            this.cancel = cancel;
        }

        @Override
        public int read() throws IOException {
            cancel.throwIfCanceled();
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            cancel.throwIfCanceled();
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(int n) {
            done += n;
            listener.progress(done, total);
        }
    }
}
