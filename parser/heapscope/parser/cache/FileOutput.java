package heapscope.parser.cache;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends bytes to a new file, bypassing the page cache where the system allows it ({@code O_DIRECT}): an index file
 * is written once and read much later, so copying gigabytes through the page cache would only push out what the
 * machine was using (and on some virtual machines it costs seconds of system time per gigabyte). Direct writes must
 * cover whole disk blocks at block offsets, so the bytes are staged in an aligned buffer, the last block padded and
 * the file cut back to its length when it is finished. Where direct IO is not offered (Windows, some file systems),
 * plain writes. Not thread-safe. Does IO.
 */
final class FileOutput implements Closeable {
    /** A multiple of every disk block size. */
    private static final int STAGING_BYTES = 4 << 20;

    private final FileChannel channel;
    /** Aligned staging buffer for direct writes; null for plain writes. */
    private final ByteBuffer staging;
    private final int block;
    private long length;

    private FileOutput(FileChannel channel, ByteBuffer staging, int block) {
        this.channel = channel;
        this.staging = staging;
        this.block = block;
    }

    /** Creates {@code file}, which must not exist yet. */
    static FileOutput create(Path file) throws IOException {
        try {
            int block = (int) Files.getFileStore(file.toAbsolutePath().getParent()).getBlockSize();
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    ExtendedOpenOption.DIRECT);
            return new FileOutput(channel, ByteBuffer.allocateDirect(STAGING_BYTES + block).alignedSlice(block)
                    .limit(STAGING_BYTES), block);
        } catch (UnsupportedOperationException | IOException noDirectIo) {
            Files.deleteIfExists(file);
            return new FileOutput(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    null, 1);
        }
    }

    /** Bytes appended so far. */
    long length() {
        return length;
    }

    /** Appends the buffer's remaining bytes. */
    void write(ByteBuffer bytes) throws IOException {
        length += bytes.remaining();
        if (staging == null) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return;
        }
        while (bytes.hasRemaining()) {
            int n = Math.min(bytes.remaining(), staging.remaining());
            staging.put(bytes.slice(bytes.position(), n));
            bytes.position(bytes.position() + n);
            if (!staging.hasRemaining()) {
                writeStaging();
            }
        }
    }

    /** Writes what is staged, the last block padded with zeros, and cuts the file back to the bytes appended. */
    void finish() throws IOException {
        if (staging != null) {
            while (staging.position() % block != 0) {
                staging.put((byte) 0);
            }
            writeStaging();
            channel.truncate(length);
        }
    }

    private void writeStaging() throws IOException {
        staging.flip();
        while (staging.hasRemaining()) {
            channel.write(staging);
        }
        staging.clear().limit(STAGING_BYTES);
    }

    /** Makes the written bytes durable. */
    void force() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
