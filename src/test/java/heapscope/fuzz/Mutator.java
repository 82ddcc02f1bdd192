package heapscope.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Makes damaged variants of a valid dump the way a careful attacker (or a bad copy) would: bits flipped, lengths and
 * counts replaced by boundary values, the file cut, chunks dropped or repeated, and, knowing the format, record
 * lengths (HPROF) or numbers, strings and brackets (V8) rewritten; a share of the mutants is gzip-compressed (HPROF in
 * members as {@code jcmd -gz} writes them) or has its compressed bytes damaged instead. Deterministic for a given
 * {@link Random}. No IO.
 */
public final class Mutator {
    /** Which reader the seed is for: the format-aware mutations differ. */
    public enum Format { HPROF, V8 }

    /** A mutant and how it was made, for the report and for the crasher's file name. */
    public record Mutant(byte[] bytes, boolean gzip, String how) {
    }

    private static final long[] INTERESTING = {0, 1, 2, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
        0x10000, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x7ffffff0L, 0x40000000L, 536_870_910L, 0xfffffffeL};
    private static final String[] INTERESTING_NUMBERS = {"0", "1", "-1", "4294967295", "4294967296", "2147483647",
        "2147483648", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1e9", "1.5", "-0",
        "00", "1e400", "18446744073709551615", "4611686018427387904"};
    private static final String[] JSON_JUNK = {"[", "]", "{", "}", ",", ":", "\"", "\\", "\\u", "\\ud800", "null",
        "[[[[[[[[", "\u0000", "\n", "    ", "\"\":", "true"};

    private final Format format;

    public Mutator(Format format) {
        this.format = format;
    }

    public Mutant mutate(byte[] seed, Random random) {
        int kind = random.nextInt(100);
        if (kind < 10) {
            byte[] compressed = gzip(seed, format == Format.HPROF ? 1 << 16 : Integer.MAX_VALUE);
            StringBuilder how = new StringBuilder("gzip-damaged");
            byte[] damaged = mutateBytes(compressed, random, 1 + random.nextInt(3), how, false);
            return new Mutant(damaged, true, how.toString());
        }
        StringBuilder how = new StringBuilder();
        byte[] mutated = mutateBytes(seed, random, 1 + random.nextInt(4), how, true);
        if (kind < 35) {
            return new Mutant(gzip(mutated, format == Format.HPROF ? 1 << 16 : Integer.MAX_VALUE), true,
                    "gzip" + how);
        }
        return new Mutant(mutated, false, how.length() == 0 ? "plain" : how.substring(1));
    }

    private byte[] mutateBytes(byte[] input, Random random, int operations, StringBuilder how, boolean formatAware) {
        byte[] b = input;
        for (int i = 0; i < operations && b.length > 0; i++) {
            int op = random.nextInt(formatAware ? 10 : 7);
            switch (op) {
                case 0 -> {
                    b = b.clone();
                    int at = offset(b, random);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                    how.append("-bitflip@").append(at);
                }
                case 1 -> {
                    b = b.clone();
                    int at = offset(b, random);
                    b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                    how.append("-byte@").append(at);
                }
                case 2 -> {
                    b = b.clone();
                    int at = offset(b, random);
                    putInt(b, at, INTERESTING[random.nextInt(INTERESTING.length)]);
                    how.append("-int@").append(at);
                }
                case 3 -> {
                    int at = random.nextInt(b.length);
                    b = Arrays.copyOf(b, at);
                    how.append("-cut@").append(at);
                }
                case 4 -> {
                    int at = offset(b, random);
                    int n = Math.min(b.length - at, 1 + random.nextInt(256));
                    byte[] shorter = new byte[b.length - n];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + n, shorter, at, b.length - at - n);
                    b = shorter;
                    how.append("-delete@").append(at);
                }
                case 5 -> {
                    int at = offset(b, random);
                    int n = Math.min(b.length - at, 1 + random.nextInt(256));
                    b = insert(b, at, Arrays.copyOfRange(b, at, at + n));
                    how.append("-repeat@").append(at);
                }
                case 6 -> {
                    b = b.clone();
                    int at = offset(b, random);
                    long v = random.nextBoolean() ? random.nextLong() : INTERESTING[random.nextInt(INTERESTING.length)]
                            << 32;
                    for (int k = 0; k < 8 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >>> (56 - 8 * k));
                    }
                    how.append("-long@").append(at);
                }
                default -> {
                    b = format == Format.HPROF ? hprofRecord(b, random, how) : jsonToken(b, random, how);
                }
            }
        }
        return b;
    }

    /** Rewrites the tag or the length of a random top-level HPROF record, or of a random sub-record's count. */
    private static byte[] hprofRecord(byte[] b, Random random, StringBuilder how) {
        int headerEnd = indexOf(b, (byte) 0, 0) + 13;
        if (headerEnd <= 13 || headerEnd >= b.length) {
            return b;
        }
        int[] starts = new int[64];
        int count = 0;
        int at = headerEnd;
        while (at + 9 <= b.length) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = at;
            long length = ((b[at + 5] & 0xffL) << 24) | ((b[at + 6] & 0xff) << 16) | ((b[at + 7] & 0xff) << 8)
                    | (b[at + 8] & 0xff);
            if (at + 9 + length > b.length) {
                break;
            }
            at += 9 + (int) length;
        }
        if (count == 0) {
            return b;
        }
        int record = starts[random.nextInt(count)];
        byte[] copy = b.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                copy[record] = (byte) new int[] {0x01, 0x02, 0x04, 0x05, 0x0C, 0x1C, 0x2C, 0x77}[random.nextInt(8)];
                how.append("-tag@").append(record);
            }
            case 1, 2 -> {
                putInt(copy, record + 5, INTERESTING[random.nextInt(INTERESTING.length)]);
                how.append("-length@").append(record);
            }
            default -> {
                // Inside the body: a count or length field of the record or of one of its sub-records.
                int inBody = record + 9 + random.nextInt(Math.max(1, Math.min(64, copy.length - record - 9)));
                putInt(copy, inBody, INTERESTING[random.nextInt(INTERESTING.length)]);
                how.append("-field@").append(inBody);
            }
        }
        return copy;
    }

    /** Replaces a number token, or inserts brackets, quotes, escapes or whitespace, near the start or anywhere. */
    private static byte[] jsonToken(byte[] b, Random random, StringBuilder how) {
        int at = offset(b, random);
        if (random.nextBoolean()) {
            int start = at;
            while (start < b.length && (b[start] < '0' || b[start] > '9')) {
                start++;
            }
            int end = start;
            while (end < b.length && b[end] >= '0' && b[end] <= '9') {
                end++;
            }
            if (start < b.length) {
                byte[] number = INTERESTING_NUMBERS[random.nextInt(INTERESTING_NUMBERS.length)]
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] out = new byte[b.length - (end - start) + number.length];
                System.arraycopy(b, 0, out, 0, start);
                System.arraycopy(number, 0, out, start, number.length);
                System.arraycopy(b, end, out, start + number.length, b.length - end);
                how.append("-number@").append(start);
                return out;
            }
        }
        String junk = JSON_JUNK[random.nextInt(JSON_JUNK.length)];
        how.append("-junk@").append(at);
        return insert(b, at, junk.repeat(random.nextInt(8) == 0 ? 1000 : 1).getBytes(StandardCharsets.UTF_8));
    }

    /** Half the time near the start, where headers and record lengths are; else anywhere. */
    private static int offset(byte[] b, Random random) {
        int near = Math.min(b.length, 4096);
        return random.nextBoolean() ? random.nextInt(near) : random.nextInt(b.length);
    }

    private static void putInt(byte[] b, int at, long value) {
        for (int k = 0; k < 4 && at + k < b.length; k++) {
            b[at + k] = (byte) (value >>> (24 - 8 * k));
        }
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < Math.min(b.length, 64); i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The bytes as gzip members of {@code member} bytes each (one member when it is larger than the data). */
    public static byte[] gzip(byte[] data, int member) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int at = 0; at < data.length || at == 0; at += member) {
                try (GZIPOutputStream gz = new GZIPOutputStream(out) {
                    @Override
                    public void close() throws IOException {
                        finish(); // ends the member, keeps the shared stream open
                        def.end();
                    }
                }) {
                    gz.write(data, at, (int) Math.min(member, data.length - (long) at));
                }
                if (data.length == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
