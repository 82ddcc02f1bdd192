package heapscope.parser.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the big int (and a few long) arrays of one heap live, the arrays that grow with its edges and the dominator
 * algorithm's working arrays: on the Java heap ({@link #ON_HEAP}, plain {@code int[]}s), or {@link #offHeap} in memory-mapped
 * files in the user's cache folder, so that a heap bigger than {@code -Xmx} still opens (the system pages them to
 * disk when memory runs short, so it is slower). Chosen once per file, from its {@code MemoryEstimate}; the graph
 * carries the choice to the analyses.
 *
 * <p>A mapped file is deleted as soon as it is mapped where the system allows it (Linux, macOS: the mapping keeps
 * its pages, and the disk space goes when the mapping is collected or the process ends, even if it dies), else
 * when the process exits. Never beside the input. Thread-safe. Does IO (creates files).
 */
public final class Columns {
    /** Plain Java arrays. */
    public static final Columns ON_HEAP = new Columns(null);

    /** The folder of the mapped files; null on the heap. */
    private final Path folder;

    private Columns(Path folder) {
        this.folder = folder;
    }

    /** Mapped files in {@code folder}, created when first needed. */
    public static Columns offHeap(Path folder) {
        return new Columns(folder);
    }

    /** Mapped files in the user's cache folder ({@link CacheFolder}), in {@code off-heap/}. */
    public static Columns offHeapInCacheFolder() {
        return offHeap(CacheFolder.resolve().resolve("off-heap"));
    }

    public boolean offHeap() {
        return folder != null;
    }

    /**
     * A new column of {@code length} zeros.
     *
     * @throws Unavailable when the mapped file cannot be made (no space in the cache folder, ...)
     */
    public IntColumn ints(int length) {
        return folder == null ? IntColumn.of(new int[length]) : IntColumn.mapped(mapNewFileOrFail(4L * length), length);
    }

    /**
     * A new column of {@code length} zero longs.
     *
     * @throws Unavailable when the mapped file cannot be made
     */
    public LongColumn longs(int length) {
        return folder == null ? LongColumn.of(new long[length])
                : LongColumn.mapped(mapNewFileOrFail(8L * length), length);
    }

    private ByteBuffer[] mapNewFileOrFail(long bytes) {
        try {
            return mapNewFile(bytes);
        } catch (IOException e) {
            throw new Unavailable(folder, e);
        }
    }

    /**
     * The arrays had to go off the heap and the files for them cannot be made. Unchecked so that the code that
     * allocates arrays need not know where they live; {@code HeapLoader} turns it into a message naming the file.
     */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Path folder, IOException cause) {
            super("does not fit in the Java heap, and its largest arrays cannot go off it: no file can be made in "
                    + folder + " (" + cause + "); free space there, move the cache folder (heapscope.cache.dir or"
                    + " HEAPSCOPE_CACHE_DIR), or give Java more memory (-Xmx)", cause);
        }
    }

    /** A new file of {@code bytes} zeros mapped read-write in chunks of 2^30 bytes, and deleted when it can be. */
    private ByteBuffer[] mapNewFile(long bytes) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "ints-", ".tmp");
        long chunkSize = 1L << ByteRegion.CHUNK_BITS;
        int count = (int) Math.max(1, (bytes + chunkSize - 1) / chunkSize);
        ByteBuffer[] chunks = new ByteBuffer[count];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
            FileChannel channel = raf.getChannel();
            for (int i = 0; i < count; i++) {
                long from = i * chunkSize;
                chunks[i] = channel.map(FileChannel.MapMode.READ_WRITE, from, Math.min(chunkSize, bytes - from));
            }
        } finally {
            try {
                Files.delete(file);
            } catch (IOException stillMapped) {
                file.toFile().deleteOnExit(); // Windows does not delete a mapped file
            }
        }
        return chunks;
    }

    @Override
    public String toString() {
        return folder == null ? "on the Java heap" : "off the Java heap, mapped from " + folder;
    }
}
