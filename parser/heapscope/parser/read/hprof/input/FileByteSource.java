package heapscope.parser.read.hprof.input;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An uncompressed dump read sequentially through a {@link FileChannel}. Reports progress in bytes of the file and
 * checks the cancel signal on every read. Single-threaded. Does IO; opens the file read-only.
 */
public final class FileByteSource implements ByteSource {
    private final FileChannel channel;
    private final long size;
    private final ProgressListener listener;
    private final CancelSignal cancel;
    private long done;

    public FileByteSource(Path file, ProgressListener listener, CancelSignal cancel) throws IOException {
        this(file, 0, listener, cancel);
    }

    /** Reads from byte {@code start} of the file on. */
    public FileByteSource(Path file, long start, ProgressListener listener, CancelSignal cancel) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        channel.position(start);
        this.done = start;
        this.listener = listener;
        this.cancel = cancel;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        cancel.throwIfCanceled();
        int n = channel.read(ByteBuffer.wrap(buffer, offset, length));
        if (n > 0) {
            done += n;
            listener.progress(done, size);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        cancel.throwIfCanceled();
        long position = channel.position();
        long skipped = Math.max(0, Math.min(n, size - position));
        channel.position(position + skipped);
        done += skipped;
        listener.progress(done, size);
        return skipped;
    }

    @Override
    public double fractionRead() {
        return size == 0 ? -1 : (double) done / size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
