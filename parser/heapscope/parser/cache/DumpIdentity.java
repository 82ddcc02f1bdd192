package heapscope.parser.cache;

import heapscope.parser.store.Blob;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * What tells one heap file from another without reading it whole: its absolute path (and name), size, modification
 * time, and a fingerprint, the CRC-32C of its first and of its last MiB (a dump rewritten in place with the same size
 * and time still differs there: its header time stamp and its last records). A cache entry is the file's only when all
 * four are equal; the dump found beside a portable index is the index's when size and fingerprint are (a copy has
 * another path and time). Immutable. {@link #of} reads 2 MiB of the file.
 *
 * @param path the absolute path
 * @param name the file name
 * @param fingerprint the two CRCs in hex
 */
public record DumpIdentity(String path, String name, long size, long modifiedMillis, String fingerprint) {
    private static final int SAMPLE = 1 << 20;

    /** The identity of {@code file} now. */
    public static DumpIdentity of(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.READ)) {
            long size = channel.size();
            long tail = Math.max(Math.min(size, SAMPLE), size - SAMPLE);
            String fingerprint = HexFormat.of().toHexDigits((int) crc(channel, 0, Math.min(size, SAMPLE)))
                    + HexFormat.of().toHexDigits((int) crc(channel, tail, size - tail));
            return new DumpIdentity(absolute.toString(), absolute.getFileName().toString(), size,
                    Files.getLastModifiedTime(absolute).toMillis(), fingerprint);
        }
    }

    private static long crc(FileChannel channel, long from, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
            // reads until full or the end
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.flip());
        return crc.getValue();
    }

    /** Whether {@code other} is the same content: size and fingerprint equal, wherever and whenever it was copied. */
    boolean sameContent(DumpIdentity other) {
        return size == other.size && fingerprint.equals(other.fingerprint);
    }

    void write(Blob.Writer out) {
        out.putString(path).putString(name).putLong(size).putLong(modifiedMillis).putString(fingerprint);
    }

    static DumpIdentity read(Blob.Reader in) throws StoreFormatException {
        String path = in.getString();
        String name = in.getString();
        long size = in.getLong();
        long modified = in.getLong();
        String fingerprint = in.getString();
        StoreFormatException.check(path != null && name != null && fingerprint != null,
                "the dump's identity is missing");
        return new DumpIdentity(path, name, size, modified, fingerprint);
    }
}
