package heapscope.parser.cache;

import heapscope.parser.store.ArraySource;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.ByteRegion;
import heapscope.parser.store.CharColumn;
import heapscope.parser.store.Columns;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
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
 * against their checksums. A {@code RAW} section is mapped read-only (in mappings of at most 1 GiB each, which
 * outlive {@link #close}) and checked against its checksum once, before its first use; then an int column or a
 * {@link #region} is the mapping itself, without a copy (a mapped file in the page cache costs no Java heap, and an
 * entry opened again soon is read from memory), and a Java array is copied from it. A {@code PACKED} section (a
 * portable index) is decoded from a mapping. {@link #checkAhead} checks the sections on a second thread while the
 * caller uses them. Thread-safe once open. Does IO.
 */
final class IndexReader implements ArraySource, Closeable {
    private final FileChannel channel;
    private final long fileSize;
    private final Map<String, IndexFormat.Section> sections;
    private final boolean trusted;
    /** RAW sections mapped and checked (or being checked), by name: each is checked once, by whichever thread first. */
    private final Map<String, CompletableFuture<ByteBuffer[]>> checked = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private IndexReader(FileChannel channel, long fileSize, Map<String, IndexFormat.Section> sections,
            boolean trusted) {
        this.channel = channel;
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
            return new IndexReader(channel, size, parseContents(contents, contentsOffset), trusted);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (e instanceof java.nio.BufferUnderflowException || e instanceof IllegalArgumentException) {
                throw new StoreFormatException("damaged: the contents list cannot be read");
            }
            throw e;
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

    /**
     * A RAW section is the mapping itself, whatever {@code columns} says: it costs no Java heap and no copy. A packed
     * one (a portable index) is decoded into a new column where {@code columns} says.
     */
    @Override
    public IntColumn intColumn(String name, Columns columns) throws IOException {
        IndexFormat.Section s = section(name, 4);
        if (s.codec() == IndexFormat.Codec.RAW) {
            return IntColumn.mapped(checkedMapping(s), (int) s.count());
        }
        return (IntColumn) unpack(s, columns.ints((int) s.count()));
    }

    /** A RAW section is the mapping itself; a packed one is decoded onto the Java heap. */
    @Override
    public ByteColumn byteColumn(String name) throws IOException {
        IndexFormat.Section s = section(name, 1);
        return s.codec() == IndexFormat.Codec.RAW ? ByteColumn.mapped(checkedMapping(s), (int) s.count())
                : ByteColumn.of((byte[]) unpack(s, null));
    }

    /** A RAW section is the mapping itself; a packed one is decoded onto the Java heap. */
    @Override
    public CharColumn charColumn(String name) throws IOException {
        IndexFormat.Section s = section(name, 2);
        return s.codec() == IndexFormat.Codec.RAW ? CharColumn.mapped(checkedMapping(s), (int) s.count())
                : CharColumn.of((char[]) unpack(s, null));
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
            return new ByteRegion(checkedMapping(s), s.length());
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
     * Starts checking the RAW sections on a helper thread, last section first, while the caller uses them in its
     * order: the two meet in the middle, which halves the time on two cores. A section is checked once, by whichever
     * thread gets to it first; the other waits for it. The helper stops when the reader is closed.
     */
    void checkAhead() {
        List<IndexFormat.Section> fromTheEnd = new ArrayList<>();
        for (IndexFormat.Section s : sections.values()) {
            if (s.codec() == IndexFormat.Codec.RAW) {
                fromTheEnd.add(s);
            }
        }
        fromTheEnd.sort(Comparator.comparingLong(IndexFormat.Section::offset).reversed());
        Thread helper = new Thread(() -> {
            for (IndexFormat.Section s : fromTheEnd) {
                if (closed) {
                    return;
                }
                try {
                    checkedMapping(s);
                } catch (IOException | RuntimeException | Error e) {
                    return; // the caller meets the failure itself when it uses the section
                }
            }
        }, "heapscope-check-ahead");
        helper.setDaemon(true);
        helper.start();
    }

    private IndexFormat.Section section(String name, int elementSize) throws StoreFormatException {
        IndexFormat.Section s = section(name);
        if (s.elementSize() != elementSize) {
            throw new StoreFormatException("section " + name + " holds " + s.elementSize() + "-byte elements, not "
                    + elementSize);
        }
        return s;
    }

    /** The section's elements in a new Java array: copied from its checked mapping, or decoded when packed. */
    private Object array(String name, int elementSize) throws IOException {
        IndexFormat.Section s = section(name, elementSize);
        if (s.codec() == IndexFormat.Codec.PACKED) {
            return unpack(s, null);
        }
        ByteBuffer[] chunks = checkedMapping(s);
        int count = (int) s.count();
        Object array = switch (elementSize) {
            case 1 -> new byte[count];
            case 2 -> new char[count];
            case 4 -> new int[count];
            default -> new long[count];
        };
        int at = 0;
        for (ByteBuffer chunk : chunks) {
            ByteBuffer part = chunk.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int n = part.remaining() / elementSize;
            switch (elementSize) {
                case 1 -> part.get((byte[]) array, at, n);
                case 2 -> part.asCharBuffer().get((char[]) array, at, n);
                case 4 -> part.asIntBuffer().get((int[]) array, at, n);
                default -> part.asLongBuffer().get((long[]) array, at, n);
            }
            at += n;
        }
        return array;
    }

    /**
     * The RAW section mapped, checked against its checksum: by this thread, or by whichever thread got to it first
     * (then this one waits for it).
     */
    private ByteBuffer[] checkedMapping(IndexFormat.Section s) throws IOException {
        CompletableFuture<ByteBuffer[]> mine = new CompletableFuture<>();
        CompletableFuture<ByteBuffer[]> theirs = checked.putIfAbsent(s.name(), mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof IOException e) {
                    throw e;
                }
                throw failed;
            }
        }
        try {
            ByteBuffer[] chunks = map(s);
            checkCrc(s, chunks);
            mine.complete(chunks);
            return chunks;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
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
        closed = true;
        channel.close();
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
