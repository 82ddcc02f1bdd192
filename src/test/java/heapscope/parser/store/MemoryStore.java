package heapscope.parser.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A store in memory, for the loaders' tests: arrays by name, copied in and out; any of them can be replaced. */
public final class MemoryStore implements ArraySink, ArraySource {
    private final Map<String, Object> arrays = new HashMap<>();
    private final boolean trusted;

    public MemoryStore(boolean trusted) {
        this.trusted = trusted;
    }

    /** Replaces a stored array (to damage a store). */
    public void put(String name, Object array) {
        arrays.put(name, array);
    }

    public Object get(String name) {
        return arrays.get(name);
    }

    public java.util.Set<String> names() {
        return arrays.keySet();
    }

    @Override
    public void bytes(String name, byte[] values, int length) {
        arrays.put(name, Arrays.copyOf(values, length));
    }

    @Override
    public void chars(String name, char[] values, int length) {
        arrays.put(name, Arrays.copyOf(values, length));
    }

    @Override
    public void ints(String name, int[] values, int length) {
        arrays.put(name, Arrays.copyOf(values, length));
    }

    @Override
    public void longs(String name, long[] values, int length) {
        arrays.put(name, Arrays.copyOf(values, length));
    }

    @Override
    public boolean trusted() {
        return trusted;
    }

    @Override
    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    @Override
    public byte[] bytes(String name) throws StoreFormatException {
        return ((byte[]) array(name)).clone();
    }

    @Override
    public char[] chars(String name) throws StoreFormatException {
        return ((char[]) array(name)).clone();
    }

    @Override
    public int[] ints(String name) throws StoreFormatException {
        return ((int[]) array(name)).clone();
    }

    @Override
    public long[] longs(String name) throws StoreFormatException {
        return ((long[]) array(name)).clone();
    }

    @Override
    public ByteRegion region(String name) throws StoreFormatException {
        Object array = array(name);
        ByteBuffer bytes;
        if (array instanceof byte[] b) {
            return ByteRegion.of(b.clone());
        } else if (array instanceof int[] ints) {
            bytes = ByteBuffer.allocate(4 * ints.length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asIntBuffer().put(ints);
        } else if (array instanceof long[] longs) {
            bytes = ByteBuffer.allocate(8 * longs.length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asLongBuffer().put(longs);
        } else {
            char[] chars = (char[]) array;
            bytes = ByteBuffer.allocate(2 * chars.length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asCharBuffer().put(chars);
        }
        return ByteRegion.of(bytes.array());
    }

    private Object array(String name) throws StoreFormatException {
        Object array = arrays.get(name);
        if (array == null) {
            throw new StoreFormatException("section " + name + " is missing");
        }
        return array;
    }
}
