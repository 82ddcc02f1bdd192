package heapscope.parser.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The small values stored beside the arrays (counts, names, notes), written one after another into a byte array
 * and read back in the same order. Every length read back is checked against the bytes left, so a damaged blob
 * throws {@link StoreFormatException} instead of sizing anything from it. Not thread-safe. No IO.
 */
public final class Blob {
    private Blob() {
    }

    /** Writes values in order; {@link #toByteArray()} gives the blob. */
    public static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Writer putInt(int value) {
            try {
                out.writeInt(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer putLong(long value) {
            try {
                out.writeLong(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer putBoolean(boolean value) {
            return putInt(value ? 1 : 0);
        }

        /** A string, null allowed. */
        public Writer putString(String value) {
            if (value == null) {
                return putInt(-1);
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            bytes.writeBytes(utf8);
            return this;
        }

        public Writer putStrings(List<String> values) {
            putInt(values.size());
            values.forEach(this::putString);
            return this;
        }

        public byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    /** Reads values in the order they were written. */
    public static final class Reader {
        private final ByteBuffer in;

        public Reader(byte[] blob) {
            this.in = ByteBuffer.wrap(blob);
        }

        public int getInt() throws StoreFormatException {
            try {
                return in.getInt();
            } catch (BufferUnderflowException e) {
                throw new StoreFormatException("a value list ends early");
            }
        }

        public long getLong() throws StoreFormatException {
            try {
                return in.getLong();
            } catch (BufferUnderflowException e) {
                throw new StoreFormatException("a value list ends early");
            }
        }

        public boolean getBoolean() throws StoreFormatException {
            return getInt() != 0;
        }

        public String getString() throws StoreFormatException {
            int length = getInt();
            if (length == -1) {
                return null;
            }
            checkCount(length, 1);
            String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            return value;
        }

        public List<String> getStrings() throws StoreFormatException {
            int count = getInt();
            checkCount(count, 4);
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(getString());
            }
            return values;
        }

        /** Checks that {@code count} items of at least {@code minBytes} each fit in what is left. */
        public void checkCount(long count, int minBytes) throws StoreFormatException {
            if (count < 0 || count * minBytes > in.remaining()) {
                throw new StoreFormatException("a value list claims " + count + " items but holds "
                        + in.remaining() + " bytes");
            }
        }
    }
}
