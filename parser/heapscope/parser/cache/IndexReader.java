package heapscope.parser.cache;

import heapscope.parser.store.ArraySource;
import heapscope.parser.store.ByteRegion;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Reads an index file (see {@link IndexFormat}): {@link #open} checks the header, the footer and the contents list
 * against their checksums; each section is checked against its own when it is read. A {@code RAW} array is read
 * into a new Java array through a buffer; a {@link #region} of it is mapped instead, in mappings of at most 1 GiB
 * each (they outlive {@link #close}); a {@code PACKED} section is decoded from a mapping. Thread-safe once open.
 * Does IO.
 */
final class IndexReader implements ArraySource, Closeable {
    private final FileChannel channel;
    /** The same file opened for reads past the page cache ({@code O_DIRECT}), or null where not offered. */
    private final FileChannel direct;
    private final long fileSize;
    private final Map<String, IndexFormat.Section> sections;
    private final boolean trusted;
    /** The alignment of direct reads: a multiple of the disk blocks of every file system that offers them here. */
    private static final int DIRECT_ALIGNMENT = 4096;
    /** Per reading thread: a 4 MiB buffer that is a multiple of every element size. */
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect((1 << 22) + DIRECT_ALIGNMENT).alignedSlice(DIRECT_ALIGNMENT)
                    .order(ByteOrder.LITTLE_ENDIAN));
    /** Sections read (or being read) ahead, by name; null when not reading ahead. */
    private volatile Map<String, CompletableFuture<Object>> readAhead;

    private IndexReader(FileChannel channel, FileChannel direct, long fileSize,
            Map<String, IndexFormat.Section> sections, boolean trusted) {
        this.channel = channel;
        this.direct = direct;
        this.fileSize = fileSize;
        this.sections = sections;
        this.trusted = trusted;
    }

    /**
     * Opens {@code file} and reads its contents list.
     *
     * @param trusted whether this build wrote the file (a cache entry; see {@link ArraySource#trusted})
     * @throws StoreFormatException when the file is not an index file of this format version, is cut short, or its
     *     contents list is damaged
     */
    static IndexReader open(Path file, boolean trusted) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            ByteBuffer header = read(channel, 0, (int) Math.min(size, IndexFormat.HEADER_SIZE));
            byte[] magic = new byte[IndexFormat.MAGIC.length];
            if (header.remaining() >= IndexFormat.HEADER_SIZE) {
                header.get(magic);
            }
            if (!Arrays.equals(magic, IndexFormat.MAGIC)) {
                throw new StoreFormatException("not a Heapscope index file");
            }
            int version = header.getInt(IndexFormat.MAGIC.length);
            if (version != IndexFormat.VERSION) {
                throw new StoreFormatException("made by another version of Heapscope (index format " + version
                        + "; this version reads format " + IndexFormat.VERSION + ")");
            }
            if (size < IndexFormat.HEADER_SIZE + IndexFormat.FOOTER_SIZE) {
                throw new StoreFormatException("cut short: the file ends before its contents list");
            }
            ByteBuffer footer = read(channel, size - IndexFormat.FOOTER_SIZE, IndexFormat.FOOTER_SIZE);
            byte[] end = new byte[IndexFormat.END_MAGIC.length];
            footer.position(24);
            footer.get(end);
            if (!Arrays.equals(end, IndexFormat.END_MAGIC)) {
                throw new StoreFormatException("cut short: the file has no contents list at its end");
            }
            long contentsOffset = footer.getLong(0);
            long contentsLength = footer.getLong(8);
            int contentsCrc = footer.getInt(16);
            if (footer.getInt(20) != version) {
                throw new StoreFormatException("damaged: the footer names another format version");
            }
            if (contentsOffset < IndexFormat.HEADER_SIZE || contentsLength < 4 || contentsLength > (64 << 20)
                    || contentsOffset + contentsLength != size - IndexFormat.FOOTER_SIZE) {
                throw new StoreFormatException("damaged: the contents list is out of place");
            }
            ByteBuffer contents = read(channel, contentsOffset, (int) contentsLength);
            CRC32C crc = new CRC32C();
            crc.update(contents.duplicate());
            if ((int) crc.getValue() != contentsCrc) {
                throw new StoreFormatException("damaged: the contents list does not match its checksum");
            }
            return new IndexReader(channel, openDirect(file), size, parseContents(contents, contentsOffset), trusted);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (e instanceof java.nio.BufferUnderflowException || e instanceof IllegalArgumentException) {
                throw new StoreFormatException("damaged: the contents list cannot be read");
            }
            throw e;
        }
    }

    /**
     * The file opened for direct reads, or null: an index file was written past the page cache ({@link FileOutput}),
     * and reading it through the page cache would fill it with gigabytes read once.
     */
    private static FileChannel openDirect(Path file) {
        try {
            if (DIRECT_ALIGNMENT % Files.getFileStore(file).getBlockSize() != 0) {
                return null;
            }
            return FileChannel.open(file, StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException | IOException notOffered) {
            return null;
        }
    }

    private static Map<String, IndexFormat.Section> parseContents(ByteBuffer contents, long contentsOffset)
            throws StoreFormatException {
        int count = contents.getInt();
        if (count < 0 || count > contents.remaining() / 32) {
            throw new StoreFormatException("damaged: the contents list claims " + count + " sections");
        }
        Map<String, IndexFormat.Section> sections = new HashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] name = new byte[contents.getShort() & 0xFFFF];
            contents.get(name);
            IndexFormat.Codec codec = IndexFormat.Codec.of(contents.get());
            int elementSize = contents.get();
            IndexFormat.Section s = new IndexFormat.Section(new String(name, StandardCharsets.UTF_8), codec,
                    elementSize, contents.getLong(), contents.getLong(), contents.getLong(), contents.getInt());
            boolean sizeKnown = elementSize == 1 || elementSize == 2 || elementSize == 4 || elementSize == 8;
            boolean inFile = s.offset() >= IndexFormat.HEADER_SIZE && s.length() >= 0
                    && s.offset() + s.length() <= contentsOffset;
            // Deflate shrinks at most about 1032 to 1, and a packed element takes at least one byte before it.
            boolean countFits = s.count() >= 0 && s.count() <= Integer.MAX_VALUE - 8
                    && (codec == IndexFormat.Codec.RAW ? s.count() * elementSize == s.length()
                    : s.count() <= 1040 * (s.length() + 64));
            if (codec == null || !sizeKnown || !inFile || !countFits || sections.put(s.name(), s) != null) {
                throw new StoreFormatException("damaged: section " + s.name() + " is out of place");
            }
        }
        return sections;
    }

    @Override
    public boolean trusted() {
        return trusted;
    }

    @Override
    public boolean has(String name) {
        return sections.containsKey(name);
    }

    /** The names of the stored sections. */
    java.util.Set<String> names() {
        return sections.keySet();
    }

    /** Bytes the file takes. */
    long fileSize() {
        return fileSize;
    }

    @Override
    public byte[] bytes(String name) throws IOException {
        return (byte[]) array(name, 1);
    }

    @Override
    public char[] chars(String name) throws IOException {
        return (char[]) array(name, 2);
    }

    @Override
    public int[] ints(String name) throws IOException {
        return (int[]) array(name, 4);
    }

    @Override
    public long[] longs(String name) throws IOException {
        return (long[]) array(name, 8);
    }

    @Override
    public IntColumn intColumn(String name, Columns columns) throws IOException {
        IndexFormat.Section s = section(name);
        if (!columns.offHeap() || s.elementSize() != 4) {
            return IntColumn.of(ints(name));
        }
        if (s.codec() == IndexFormat.Codec.RAW) {
            ByteBuffer[] chunks = map(s);
            checkCrc(s, chunks);
            return IntColumn.mapped(chunks, (int) s.count());
        }
        // A packed section (a portable index) is decoded into a new column off the heap.
        return (IntColumn) unpack(s, columns.ints((int) s.count()));
    }

    /** Decodes a packed section, checked against its checksum: into {@code column} when given, else a new array. */
    private Object unpack(IndexFormat.Section s, IntColumn column) throws IOException {
        ChunksStream stored = new ChunksStream(map(s));
        Object array = column;
        if (column != null) {
            Packing.readInto(stored, column);
        } else {
            array = Packing.read(stored, s.elementSize(), (int) s.count());
        }
        stored.skipRest();
        if (stored.crc() != s.crc()) {
            throw new StoreFormatException("damaged: section " + s.name() + " does not match its checksum");
        }
        return array;
    }

    @Override
    public ByteRegion region(String name) throws IOException {
        IndexFormat.Section s = section(name);
        if (s.codec() == IndexFormat.Codec.RAW) {
            ByteBuffer[] chunks = map(s);
            checkCrc(s, chunks);
            return new ByteRegion(chunks, s.length());
        }
        Object array = array(name, s.elementSize());
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, s.count() * s.elementSize()))
                .order(ByteOrder.LITTLE_ENDIAN);
        switch (s.elementSize()) {
            case 1 -> bytes.put((byte[]) array);
            case 2 -> bytes.asCharBuffer().put((char[]) array);
            case 4 -> bytes.asIntBuffer().put((int[]) array);
            default -> bytes.asLongBuffer().put((long[]) array);
        }
        return ByteRegion.of(bytes.array());
    }

    IndexFormat.Section section(String name) throws StoreFormatException {
        IndexFormat.Section s = sections.get(name);
        if (s == null) {
            throw new StoreFormatException("section " + name + " is missing");
        }
        return s;
    }

    /**
     * Starts reading the sections whose names start with one of {@code prefixes} on a helper thread, last section
     * first, while the caller reads them in order: the two meet in the middle, which halves the time on two cores. A
     * section is read once, by whichever thread gets to it first; the other waits for it. Holds the arrays read ahead
     * until they are asked for, so the caller must ask for every one.
     */
    void readAhead(String... prefixes) {
        List<IndexFormat.Section> inOrder = new ArrayList<>();
        for (IndexFormat.Section s : sections.values()) {
            if (Arrays.stream(prefixes).anyMatch(s.name()::startsWith)) {
                inOrder.add(s);
            }
        }
        inOrder.sort(Comparator.comparingLong(IndexFormat.Section::offset).reversed());
        Thread helper = new Thread(() -> {
            for (IndexFormat.Section s : inOrder) {
                try {
                    load(s);
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                    return; // the caller reads it again and meets the failure itself
                }
            }
        }, "heapscope-read-ahead");
        helper.setDaemon(true);
        readAhead = new ConcurrentHashMap<>();
        helper.start();
    }

    private Object array(String name, int elementSize) throws IOException {
        IndexFormat.Section s = section(name);
        if (s.elementSize() != elementSize) {
            throw new StoreFormatException("section " + name + " holds " + s.elementSize() + "-byte elements, not "
                    + elementSize);
        }
        return load(s);
    }

    /** The section's elements, read by this thread or, when reading ahead, by whichever got there first. */
    private Object load(IndexFormat.Section s) throws IOException {
        Map<String, CompletableFuture<Object>> ahead = readAhead;
        if (ahead == null) {
            return read(s);
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> theirs = ahead.putIfAbsent(s.name(), mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException failed) {
                return read(s);
            } finally {
                ahead.remove(s.name());
            }
        }
        try {
            Object array = read(s);
            mine.complete(array);
            return array;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Object read(IndexFormat.Section s) throws IOException {
        String name = s.name();
        int elementSize = s.elementSize();
        int count = (int) s.count();
        if (s.codec() == IndexFormat.Codec.PACKED) {
            return unpack(s, null);
        }
        Object array = switch (elementSize) {
            case 1 -> new byte[count];
            case 2 -> new char[count];
            case 4 -> new int[count];
            default -> new long[count];
        };
        // Read, not mapped: copied once into the array, and the file stays out of the process's RSS. Direct reads
        // cover whole blocks from a block offset; the bytes before the section and after it are left out.
        ByteBuffer buffer = READ_BUFFER.get();
        FileChannel from = direct != null ? direct : channel;
        int alignment = direct != null ? DIRECT_ALIGNMENT : 1;
        long end = s.offset() + s.length();
        long readEnd = (end + alignment - 1) / alignment * alignment;
        CRC32C crc = new CRC32C();
        int at = 0;
        for (long pos = s.offset() - s.offset() % alignment; at < count; ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), readEnd - pos));
            while (buffer.hasRemaining()) {
                // A short read ends at the end of the file (which need not end on a block).
                if (from.read(buffer, pos + buffer.position()) <= 0 || buffer.position() % alignment != 0) {
                    break;
                }
            }
            int read = buffer.position();
            int skip = (int) Math.max(0, s.offset() - pos);
            int take = (int) (Math.min(pos + read, end) - pos) - skip;
            if (take <= 0) {
                throw new StoreFormatException("cut short: section " + name + " ends early");
            }
            ByteBuffer part = buffer.slice(skip, take).order(ByteOrder.LITTLE_ENDIAN);
            crc.update(part.duplicate());
            int n = take / elementSize;
            switch (elementSize) {
                case 1 -> part.get((byte[]) array, at, n);
                case 2 -> part.asCharBuffer().get((char[]) array, at, n);
                case 4 -> part.asIntBuffer().get((int[]) array, at, n);
                default -> part.asLongBuffer().get((long[]) array, at, n);
            }
            at += n;
            pos += read;
        }
        if ((int) crc.getValue() != s.crc()) {
            throw new StoreFormatException("damaged: section " + name + " does not match its checksum");
        }
        return array;
    }

    private void checkCrc(IndexFormat.Section s, ByteBuffer[] chunks) throws StoreFormatException {
        CRC32C crc = new CRC32C();
        for (ByteBuffer chunk : chunks) {
            crc.update(chunk.duplicate());
        }
        if ((int) crc.getValue() != s.crc()) {
            throw new StoreFormatException("damaged: section " + s.name() + " does not match its checksum");
        }
    }

    /** The section's stored bytes, mapped in chunks of {@link ByteRegion#CHUNK_BITS} (the last one shorter). */
    private ByteBuffer[] map(IndexFormat.Section s) throws IOException {
        long chunkSize = 1L << ByteRegion.CHUNK_BITS;
        int count = (int) Math.max(1, (s.length() + chunkSize - 1) / chunkSize);
        ByteBuffer[] chunks = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long from = i * chunkSize;
            long length = Math.min(chunkSize, s.length() - from);
            chunks[i] = length == 0 ? ByteBuffer.allocate(0)
                    : channel.map(FileChannel.MapMode.READ_ONLY, s.offset() + from, length);
            chunks[i].order(ByteOrder.LITTLE_ENDIAN);
        }
        return chunks;
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (direct != null) {
            direct.close();
        }
    }

    /** The stored bytes of a packed section as a stream, checksummed as they are read. */
    private static final class ChunksStream extends InputStream {
        private final ByteBuffer[] chunks;
        private final CRC32C crc = new CRC32C();
        private int chunk;

        ChunksStream(ByteBuffer[] chunks) {
            this.chunks = chunks;
            for (int i = 0; i < chunks.length; i++) {
                this.chunks[i] = chunks[i].duplicate();
            }
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            while (chunk < chunks.length && !chunks[chunk].hasRemaining()) {
                chunk++;
            }
            if (chunk == chunks.length) {
                return -1;
            }
            ByteBuffer from = chunks[chunk];
            int n = Math.min(length, from.remaining());
            from.get(into, offset, n);
            crc.update(into, offset, n);
            return n;
        }

        /** Reads what the decoder left, so that the checksum covers every stored byte. */
        void skipRest() {
            byte[] rest = new byte[1 << 16];
            while (read(rest, 0, rest.length) > 0) {
                // checksummed by read
            }
        }

        int crc() {
            return (int) crc.getValue();
        }
    }
}
