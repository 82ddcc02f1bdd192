package heapscope.parser.cache;

import heapscope.parser.store.ArraySink;
import heapscope.parser.store.IntColumn;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Writes an index file (see {@link IndexFormat}) section by section, every section in one codec: {@code RAW} for the
 * cache (written and read at memory speed), {@code PACKED} for the portable index (small); past the page cache where
 * the system allows it ({@link FileOutput}). The file is complete only
 * once {@link #finish} has written the footer; the caller writes to a temporary name and renames it then. Not
 * thread-safe: one writer. Does IO.
 */
final class IndexWriter implements ArraySink, Closeable {
    private final FileOutput out;
    private final IndexFormat.Codec codec;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
    private final List<IndexFormat.Section> sections = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final CRC32C crc = new CRC32C();

    /** Creates {@code file}, which must not exist yet. */
    IndexWriter(Path file, IndexFormat.Codec codec) throws IOException {
        this.out = FileOutput.create(file);
        this.codec = codec;
        buffer.clear();
        buffer.put(IndexFormat.MAGIC).putInt(IndexFormat.VERSION).putInt(0).putLong(0);
        flush();
    }


    @Override
    public void bytes(String name, byte[] values, int length) throws IOException {
        section(name, values, 1, length);
    }

    @Override
    public void chars(String name, char[] values, int length) throws IOException {
        section(name, values, 2, length);
    }

    @Override
    public void ints(String name, int[] values, int length) throws IOException {
        section(name, values, 4, length);
    }

    @Override
    public void ints(String name, IntColumn values, int length) throws IOException {
        if (values.onHeap()) {
            ints(name, values.array(), length);
        } else {
            section(name, values, 4, length); // chunk by chunk: never the whole column on the heap
        }
    }

    @Override
    public void longs(String name, long[] values, int length) throws IOException {
        section(name, values, 8, length);
    }

    private void section(String name, Object values, int elementSize, int length) throws IOException {
        if (!names.add(name)) {
            throw new IllegalArgumentException("section " + name + " stored twice");
        }
        buffer.clear();
        while ((out.length() + buffer.position()) % 8 != 0) {
            buffer.put((byte) 0);
        }
        flush();
        long start = out.length();
        crc.reset();
        if (codec == IndexFormat.Codec.RAW) {
            writeRaw(values, elementSize, length);
        } else {
            Packing.write(values, length, new SectionStream());
            checksumAndFlush();
        }
        sections.add(new IndexFormat.Section(name, codec, elementSize, length, start, out.length() - start,
                (int) crc.getValue()));
    }

    private void writeRaw(Object values, int elementSize, int length) throws IOException {
        int perChunk = buffer.capacity() / elementSize;
        int[] copied = values instanceof IntColumn ? new int[perChunk] : null;
        for (int from = 0; from < length; from += perChunk) {
            int n = Math.min(perChunk, length - from);
            buffer.clear();
            switch (elementSize) {
                case 1 -> buffer.put((byte[]) values, from, n);
                case 2 -> buffer.asCharBuffer().put((char[]) values, from, n);
                case 4 -> {
                    if (copied != null) { // a mapped column, through a Java array
                        ((IntColumn) values).copyTo(from, copied, 0, n);
                        buffer.asIntBuffer().put(copied, 0, n);
                    } else {
                        buffer.asIntBuffer().put((int[]) values, from, n);
                    }
                }
                default -> buffer.asLongBuffer().put((long[]) values, from, n);
            }
            buffer.position(n * elementSize);
            checksumAndFlush();
        }
    }

    /** Writes the contents list and the footer; the file is complete then. */
    void finish() throws IOException {
        long contentsOffset = out.length();
        crc.reset();
        ByteBuffer contents = ByteBuffer.allocate(64 + sections.stream().mapToInt(s -> 48 + 3 * s.name().length())
                .sum()).order(ByteOrder.LITTLE_ENDIAN);
        contents.putInt(sections.size());
        for (IndexFormat.Section s : sections) {
            byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
            contents.putShort((short) name.length).put(name).put((byte) s.codec().ordinal())
                    .put((byte) s.elementSize()).putLong(s.count()).putLong(s.offset()).putLong(s.length())
                    .putInt(s.crc());
        }
        contents.flip();
        int contentsLength = contents.remaining();
        buffer.clear();
        buffer.put(contents);
        checksumAndFlush();
        int contentsCrc = (int) crc.getValue();
        buffer.clear();
        buffer.putLong(contentsOffset).putLong(contentsLength).putInt(contentsCrc).putInt(IndexFormat.VERSION)
                .put(IndexFormat.END_MAGIC);
        flush();
        out.finish();
    }

    /** Makes the written bytes durable (for an index the user will copy elsewhere). */
    void force() throws IOException {
        out.force();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void checksumAndFlush() throws IOException {
        ByteBuffer view = buffer.duplicate();
        view.flip();
        crc.update(view);
        flush();
    }

    /** Writes the buffer's content (position 0 to its position). */
    private void flush() throws IOException {
        buffer.flip();
        out.write(buffer);
        buffer.clear();
    }

    /** The bytes of a packed section, checksummed and written through the buffer. */
    private final class SectionStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, n);
                offset += n;
                length -= n;
                if (!buffer.hasRemaining()) {
                    checksumAndFlush();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            checksumAndFlush();
        }
    }
}
