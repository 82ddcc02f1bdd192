package heapscope.parser.read.hprof.input;

import heapscope.parser.read.hprof.format.HprofBasicType;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian reader over a {@link ByteSource} with its own buffer and a 64-bit position. Reading past the end of the
 * data throws {@link EndOfDataException} with the offset where the data ended. Callers that decode many values of
 * one record at once {@link #require} its bytes and read them from {@link #buffer()} directly.
 *
 * <p>Single-threaded. Does IO (through its source).
 */
public final class DumpInput implements Closeable {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final ByteSource source;
    private final byte[] buffer;
    private int idSize = 8;
    private int pos;
    private int limit;
    /** Data offset of {@code buffer[0]}. */
    private long bufferStart;
    private boolean sourceEnded;
    /** Data offset where the data ends, when known up front (a plain file's size), else -1. */
    private long dataEnd = -1;

    public DumpInput(ByteSource source, int bufferSize) {
        this(source, bufferSize, 0);
    }

    /** Reads a source whose first byte is at data offset {@code startPosition}. */
    public DumpInput(ByteSource source, int bufferSize, long startPosition) {
        this.source = source;
        this.buffer = new byte[bufferSize];
        this.bufferStart = startPosition;
    }

    public void setIdSize(int idSize) {
        this.idSize = idSize;
    }

    public int idSize() {
        return idSize;
    }

    /** Tells where the data ends, so that {@link #requireAvailable} can check lengths before they are trusted. */
    public void setDataEnd(long dataEnd) {
        this.dataEnd = dataEnd;
    }

    /**
     * Checks a length read from the file against the data left: when the data is known to end before {@code n}
     * more bytes, throws {@link EndOfDataException} at that end now, before anything is sized by {@code n}.
     */
    public void requireAvailable(long n) {
        if (dataEnd >= 0 && n > dataEnd - position()) {
            throw new EndOfDataException(dataEnd);
        }
    }

    public long position() {
        return bufferStart + pos;
    }

    /** Whether at least one more byte can be read. */
    public boolean hasMore() {
        return pos < limit || fillAtLeast(1);
    }

    public int u1() {
        if (pos >= limit) {
            fill(1);
        }
        return buffer[pos++] & 0xff;
    }

    public int u2() {
        if (limit - pos < 2) {
            fill(2);
        }
        int v = (short) SHORT.get(buffer, pos) & 0xffff;
        pos += 2;
        return v;
    }

    /** A u4 as a Java int (callers needing the unsigned value mask it with {@code 0xffffffffL}). */
    public int u4() {
        if (limit - pos < 4) {
            fill(4);
        }
        int v = (int) INT.get(buffer, pos);
        pos += 4;
        return v;
    }

    long u8() {
        if (limit - pos < 8) {
            fill(8);
        }
        long v = (long) LONG.get(buffer, pos);
        pos += 8;
        return v;
    }

    /** An identifier (object id, string id) of the dump's identifier size, as an unsigned value. */
    public long id() {
        return idSize == 8 ? u8() : u4() & 0xffffffffL;
    }

    /** A value of the given basic type as raw bits (sign-extended for int-like types, ids unsigned). */
    public long value(int type) {
        return switch (type) {
            case HprofBasicType.OBJECT -> id();
            case HprofBasicType.BOOLEAN, HprofBasicType.BYTE -> (byte) u1();
            case HprofBasicType.CHAR -> u2();
            case HprofBasicType.SHORT -> (short) u2();
            case HprofBasicType.INT, HprofBasicType.FLOAT -> u4();
            case HprofBasicType.DOUBLE, HprofBasicType.LONG -> u8();
            default -> throw new IllegalArgumentException("basic type " + type);
        };
    }

    public void skip(long n) {
        long available = limit - pos;
        if (n <= available) {
            pos += (int) n;
            return;
        }
        long remaining = n - available;
        bufferStart += limit;
        pos = 0;
        limit = 0;
        if (remaining > buffer.length && !sourceEnded) {
            long skipped;
            try {
                skipped = source.skip(remaining);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (skipped >= 0) {
                bufferStart += skipped;
                if (skipped < remaining) {
                    sourceEnded = true;
                    throw new EndOfDataException(bufferStart);
                }
                return;
            }
        }
        while (remaining > 0) {
            if (!fillAtLeast(1)) {
                throw new EndOfDataException(bufferStart + limit);
            }
            int step = (int) Math.min(remaining, limit - pos);
            pos += step;
            remaining -= step;
        }
    }

    /**
     * Makes the next {@code n} bytes available in {@link #buffer()} and returns the index of the first; the position
     * does not move (see {@link #advance}). {@code n} must not exceed {@link #capacity()}.
     */
    public int require(int n) {
        if (limit - pos < n) {
            fill(n);
        }
        return pos;
    }

    public void advance(int n) {
        pos += n;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int capacity() {
        return buffer.length;
    }

    public void readFully(byte[] into, int offset, int length) {
        while (length > 0) {
            if (pos >= limit) {
                fill(1);
            }
            int step = Math.min(length, limit - pos);
            System.arraycopy(buffer, pos, into, offset, step);
            pos += step;
            offset += step;
            length -= step;
        }
    }

    public static int intAt(byte[] buffer, int index) {
        return (int) INT.get(buffer, index);
    }

    public static long longAt(byte[] buffer, int index) {
        return (long) LONG.get(buffer, index);
    }

    /** An identifier of {@code idSize} bytes at {@code index}, unsigned. */
    public static long idAt(byte[] buffer, int index, int idSize) {
        return idSize == 8 ? (long) LONG.get(buffer, index) : (int) INT.get(buffer, index) & 0xffffffffL;
    }

    private void fill(int need) {
        if (!fillAtLeast(need)) {
            throw new EndOfDataException(bufferStart + limit);
        }
    }

    /** Compacts the buffer and reads until {@code need} bytes are available; false if the data ends first. */
    private boolean fillAtLeast(int need) {
        if (need > buffer.length) {
            throw new IllegalArgumentException("cannot hold " + need + " bytes in a buffer of " + buffer.length);
        }
        if (pos > 0) {
            int remaining = limit - pos;
            System.arraycopy(buffer, pos, buffer, 0, remaining);
            bufferStart += pos;
            limit = remaining;
            pos = 0;
        }
        while (limit < need) {
            if (sourceEnded) {
                return false;
            }
            int n;
            try {
                n = source.read(buffer, limit, buffer.length - limit);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (n < 0) {
                sourceEnded = true;
                return false;
            }
            limit += n;
        }
        return true;
    }

    /** How the source's data ended, when that was abnormal (see {@link ByteSource#endProblem()}). */
    public String endProblem() {
        return source.endProblem();
    }

    /** See {@link ByteSource#fractionRead()}. */
    public double fractionRead() {
        return source.fractionRead();
    }

    /** See {@link ByteSource#endedByDamage()}. */
    public boolean endedByDamage() {
        return source.endedByDamage();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
