package heapscope.parser.read.hprof.index;

import heapscope.parser.read.hprof.format.HprofRootKind;
import java.util.Arrays;

/**
 * The GC root records of a dump in file order: kind, object id, and for thread-related kinds the thread serial and
 * frame number. Thread and frame roots are resolved only after the whole file is read (a thread's frames can come
 * before its THREAD OBJECT record). Single-threaded while filling; no IO.
 */
public final class RootTable {
    private byte[] kinds = new byte[256];
    private long[] ids = new long[256];
    private int[] threadSerials = new int[256];
    private int[] frameNumbers = new int[256];
    private int size;

    public void add(HprofRootKind kind, long id, int threadSerial, int frameNumber) {
        if (size == ids.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            ids = Arrays.copyOf(ids, capacity);
            threadSerials = Arrays.copyOf(threadSerials, capacity);
            frameNumbers = Arrays.copyOf(frameNumbers, capacity);
        }
        kinds[size] = (byte) kind.ordinal();
        ids[size] = id;
        threadSerials[size] = threadSerial;
        frameNumbers[size] = frameNumber;
        size++;
    }

    public int size() {
        return size;
    }

    public HprofRootKind kind(int i) {
        return HprofRootKind.values()[kinds[i]];
    }

    public long id(int i) {
        return ids[i];
    }

    public int threadSerial(int i) {
        return threadSerials[i];
    }

    public int frameNumber(int i) {
        return frameNumbers[i];
    }
}
