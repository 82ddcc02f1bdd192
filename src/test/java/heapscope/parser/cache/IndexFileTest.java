package heapscope.parser.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.store.ByteRegion;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The index file format: every element type comes back exactly in both codecs; damage is detected, never read. */
class IndexFileTest {
    private static final Random RANDOM = new Random(14);
    private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 7, 7, 7, 1 << 20, -300};
    private static final long[] LONGS = {0, Long.MIN_VALUE, Long.MAX_VALUE, -1, 1L << 40, 5};
    private static final char[] CHARS = {0, 0xFFFF, 'a', 0xFFFE, 1};

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(IndexFormat.Codec.class)
    void everyElementTypeComesBackExactly(IndexFormat.Codec codec) throws IOException {
        int[] big = RANDOM.ints(3_000_000).toArray();
        byte[] bytes = new byte[100_001];
        RANDOM.nextBytes(bytes);
        Path file = write(codec, big, bytes);
        try (IndexReader in = IndexReader.open(file, false)) {
            assertArrayEquals(INTS, in.ints("ints"));
            assertArrayEquals(LONGS, in.longs("longs"));
            assertArrayEquals(CHARS, in.chars("chars"));
            assertArrayEquals(bytes, in.bytes("bytes"));
            assertArrayEquals(big, in.ints("big"));
            assertArrayEquals(new int[0], in.ints("empty"));
            assertArrayEquals(Arrays.copyOf(INTS, 3), in.ints("prefix"));
            ByteRegion region = in.region("longs");
            assertEquals(8L * LONGS.length, region.size());
            assertEquals(Long.MIN_VALUE, region.getLong(8));
            assertTrue(in.has("big") && !in.has("missing"));
            assertThrows(StoreFormatException.class, () -> in.ints("missing"));
            assertThrows(StoreFormatException.class, () -> in.longs("ints"), "wrong element type");
        }
    }

    @ParameterizedTest
    @EnumSource(IndexFormat.Codec.class)
    void aFileCutShortHasNoContentsList(IndexFormat.Codec codec) throws IOException {
        Path file = write(codec, RANDOM.ints(10_000).toArray(), new byte[10]);
        for (long keep : new long[] {0, 10, 40, Files.size(file) / 2, Files.size(file) - 1}) {
            Path cut = temp.resolve("cut-" + keep);
            Files.write(cut, Arrays.copyOf(Files.readAllBytes(file), (int) keep));
            StoreFormatException e = assertThrows(StoreFormatException.class, () -> IndexReader.open(cut, false));
            assertTrue(e.getMessage().startsWith(keep < 16 ? "not a Heapscope index" : "cut short"), e.getMessage());
        }
    }

    /**
     * One flipped bit anywhere in a section, in the contents list or in the footer is found by the checksums (the
     * few padding bytes between sections carry nothing).
     */
    @ParameterizedTest
    @EnumSource(IndexFormat.Codec.class)
    void aFlippedBitIsFound(IndexFormat.Codec codec) throws IOException {
        int[] big = RANDOM.ints(100_000).toArray();
        Path file = write(codec, big, new byte[10]);
        long size = Files.size(file);
        List<long[]> spans = new ArrayList<>();
        try (IndexReader in = IndexReader.open(file, false)) {
            for (String name : in.names()) {
                IndexFormat.Section s = in.section(name);
                spans.add(new long[] {s.offset(), s.length()});
            }
            IndexFormat.Section last = in.section("prefix");
            long contents = last.offset() + last.length();
            spans.add(new long[] {contents, size - contents});
        }
        for (int trial = 0; trial < 40; trial++) {
            long[] span = spans.get(RANDOM.nextInt(spans.size()));
            if (span[1] == 0) {
                continue;
            }
            long at = span[0] + (long) (RANDOM.nextDouble() * span[1]);
            Path damaged = temp.resolve("damaged-" + trial);
            Files.copy(file, damaged);
            try (RandomAccessFile raw = new RandomAccessFile(damaged.toFile(), "rw")) {
                raw.seek(at);
                int b = raw.read();
                raw.seek(at);
                raw.write(b ^ (1 << RANDOM.nextInt(8)));
            }
            assertThrows(StoreFormatException.class, () -> {
                try (IndexReader in = IndexReader.open(damaged, false)) {
                    for (String name : in.names()) {
                        in.region(name);
                        in.bytes(name.equals("bytes") ? name : "bytes");
                    }
                    in.ints("big");
                    in.ints("ints");
                    in.longs("longs");
                    in.chars("chars");
                }
            }, "flipped a bit at byte " + at + " of " + size);
        }
    }

    @ParameterizedTest
    @EnumSource(IndexFormat.Codec.class)
    void aFileOfAnotherFormatVersionSaysSo(IndexFormat.Codec codec) throws IOException {
        Path file = write(codec, new int[1], new byte[1]);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(IndexFormat.MAGIC.length);
            raw.write(99);
        }
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> IndexReader.open(file, false));
        assertTrue(e.getMessage().startsWith("made by another version of Heapscope"), e.getMessage());
    }

    private Path write(IndexFormat.Codec codec, int[] big, byte[] bytes) throws IOException {
        Path file = temp.resolve(codec + "-" + System.nanoTime());
        try (IndexWriter out = new IndexWriter(file, codec)) {
            out.ints("ints", INTS);
            out.longs("longs", LONGS);
            out.chars("chars", CHARS);
            out.bytes("bytes", bytes);
            out.ints("big", big);
            out.ints("empty", new int[0]);
            out.ints("prefix", INTS, 3);
            out.finish();
        }
        return file;
    }
}
