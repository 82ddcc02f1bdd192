package heapscope.parser.cache;

import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The {@link IndexFormat.Codec#PACKED} codec: each element minus the one before it, zigzag-encoded (small negative
 * and positive differences both become small numbers), written as a little-endian base-128 varint, the whole stream
 * deflated at the fastest level. Heap arrays are mostly small numbers, runs and slowly growing offsets, so this
 * stores them in a tenth of their size or less; decoding costs a few nanoseconds per element. Stateless. IO on the
 * given streams.
 */
final class Packing {
    private static final int CHUNK = 1 << 16;

    private Packing() {
    }

    /** Writes {@code length} elements of a byte, char, int or long array, or of an {@link IntColumn}. */
    static void write(Object array, int length, OutputStream out) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, CHUNK);
            if (array instanceof byte[] bytes) {
                deflated.write(bytes, 0, length);
            } else {
                writeVarints(array, length, deflated);
            }
            deflated.finish();
        } finally {
            deflater.end();
        }
    }

    private static void writeVarints(Object array, int length, OutputStream out) throws IOException {
        byte[] chunk = new byte[CHUNK + 10];
        int at = 0;
        long previous = 0;
        for (int i = 0; i < length; i++) {
            long value = element(array, i);
            long difference = value - previous;
            previous = value;
            long zigzag = (difference << 1) ^ (difference >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                chunk[at++] = (byte) ((zigzag & 0x7F) | 0x80);
                zigzag >>>= 7;
            }
            chunk[at++] = (byte) zigzag;
            if (at >= CHUNK) {
                out.write(chunk, 0, at);
                at = 0;
            }
        }
        out.write(chunk, 0, at);
    }

    private static long element(Object array, int i) {
        if (array instanceof int[] ints) {
            return ints[i];
        }
        if (array instanceof long[] longs) {
            return longs[i];
        }
        if (array instanceof IntColumn column) {
            return column.get(i);
        }
        return ((char[]) array)[i];
    }

    /**
     * Reads {@code count} elements of {@code elementSize} bytes (1, 2, 4, 8) into a new byte, char, int or long
     * array. The stream must hold exactly these elements.
     */
    static Object read(InputStream stored, int elementSize, int count) throws IOException {
        return decode(stored, elementSize == 1 ? null : switch (elementSize) {
            case 2 -> new char[count];
            case 4 -> new int[count];
            default -> new long[count];
        }, count);
    }

    /** Reads ints into {@code column}, all {@code column.length()} of them (a column off the heap: never all on it). */
    static void readInto(InputStream stored, IntColumn column) throws IOException {
        decode(stored, column, column.length());
    }

    /** Decodes {@code count} elements into {@code array}, or into a new byte array when it is null; returns it. */
    private static Object decode(InputStream stored, Object array, int count) throws IOException {
        Inflater inflater = new Inflater();
        try {
            InputStream in = new InflaterInputStream(stored, inflater, CHUNK);
            if (array == null) {
                array = readBytes(in, count);
            } else {
                readVarints(in, array, count);
            }
            if (in.read() >= 0) {
                throw new StoreFormatException("a packed section holds more than its elements");
            }
            return array;
        } catch (EOFException | java.util.zip.ZipException e) {
            throw new StoreFormatException("a packed section is damaged (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private static byte[] readBytes(InputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length != count) {
            throw new EOFException("bytes missing");
        }
        return bytes;
    }

    private static void readVarints(InputStream in, Object array, int count) throws IOException {
        byte[] window = new byte[CHUNK];
        int at = 0;
        int end = 0;
        long previous = 0;
        for (int i = 0; i < count; i++) {
            if (end - at < 10) {
                System.arraycopy(window, at, window, 0, end - at);
                end -= at;
                at = 0;
                int n;
                while (end < 10 && (n = in.read(window, end, window.length - end)) > 0) {
                    end += n;
                }
            }
            long zigzag = 0;
            int shift = 0;
            byte b;
            do {
                if (at == end || shift > 63) {
                    throw new EOFException("a varint is cut");
                }
                b = window[at++];
                zigzag |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            previous += (zigzag >>> 1) ^ -(zigzag & 1);
            if (array instanceof int[] ints) {
                ints[i] = (int) previous;
            } else if (array instanceof long[] longs) {
                longs[i] = previous;
            } else if (array instanceof IntColumn column) {
                column.set(i, (int) previous);
            } else {
                ((char[]) array)[i] = (char) previous;
            }
        }
        if (at != end) {
            throw new StoreFormatException("a packed section holds more than its elements");
        }
    }
}
