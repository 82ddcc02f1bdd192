package heapscope.parser.read.hprof.index;

import com.carrotsearch.hppc.LongIntHashMap;
import heapscope.parser.read.hprof.format.HprofBasicType;
import java.util.ArrayList;
import java.util.List;

/**
 * The dump's class definitions (its CLASS DUMP records) by class id, in file order. A second record with an id
 * already seen is counted and ignored. Single-threaded while filling; read-only afterwards. No IO.
 */
public final class ClassDefinitions {
    private final LongIntHashMap indexById = new LongIntHashMap();
    private final List<HprofClass> classes = new ArrayList<>();
    /** A direct-mapped cache in front of the hash map: instances of a few classes dominate most heaps. */
    private final long[] cachedIds = new long[256];
    private final int[] cachedIndexes = new int[256];
    private int duplicates;

    /** Adds the class; false when a class with its id was already added. */
    public boolean add(HprofClass c) {
        if (indexById.containsKey(c.id)) {
            duplicates++;
            return false;
        }
        indexById.put(c.id, classes.size());
        classes.add(c);
        return true;
    }

    /** The class's index in this table, or -1. */
    public int indexOf(long id) {
        int slot = (int) (id ^ (id >>> 11) ^ (id >>> 19)) & 0xff;
        if (cachedIds[slot] == id && id != 0) {
            return cachedIndexes[slot];
        }
        int index = indexById.getOrDefault(id, -1);
        if (index >= 0) {
            cachedIds[slot] = id;
            cachedIndexes[slot] = index;
        }
        return index;
    }

    /** Class indexes ordered by the length of their superclass chain, so superclasses come first. */
    public int[] indexesBySuperclassDepth() {
        int n = classes.size();
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            int depth = 0;
            HprofClass k = classes.get(i);
            while (k.superId != 0 && depth <= n) {
                int superIndex = indexOf(k.superId);
                if (superIndex < 0) {
                    break;
                }
                k = classes.get(superIndex);
                depth++;
            }
            keyed[i] = ((long) depth << 32) | i;
        }
        java.util.Arrays.sort(keyed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }

    public HprofClass get(int index) {
        return classes.get(index);
    }

    public int size() {
        return classes.size();
    }

    public int duplicates() {
        return duplicates;
    }

    /**
     * Computes the class's reference plan (field bytes and reference offsets over its whole superclass chain,
     * subclass first, as INSTANCE DUMP records lay out values) if every class of the chain is known; returns
     * whether the plan is available.
     */
    public boolean ensurePlan(HprofClass c, int idSize) {
        return ensurePlan(c, idSize, false);
    }

    /**
     * Like {@link #ensurePlan(HprofClass, int)}; with {@code stopAtMissingSuper} a chain whose superclass is missing
     * from the dump ends there (the values of the missing classes come last in the record, so the known offsets
     * stay right).
     */
    public boolean ensurePlan(HprofClass c, int idSize, boolean stopAtMissingSuper) {
        if (c.referenceOffsets != null) {
            return true;
        }
        int bytes = 0;
        int refs = 0;
        HprofClass k = c;
        int depth = 0;
        while (k != null) {
            for (byte type : k.fieldTypes) {
                bytes += HprofBasicType.sizeInFile(type, idSize);
                if (type == HprofBasicType.OBJECT) {
                    refs++;
                }
            }
            if (k.superId == 0) {
                break;
            }
            int superIndex = indexOf(k.superId);
            if (++depth > 10_000) {
                return false; // a cycle
            }
            if (superIndex < 0) {
                if (!stopAtMissingSuper) {
                    return false; // superclass not seen (yet)
                }
                break;
            }
            k = classes.get(superIndex);
        }
        int[] offsets = new int[refs];
        int at = 0;
        int r = 0;
        k = c;
        while (k != null) {
            for (byte type : k.fieldTypes) {
                if (type == HprofBasicType.OBJECT) {
                    offsets[r++] = at;
                }
                at += HprofBasicType.sizeInFile(type, idSize);
            }
            int superIndex = k.superId == 0 ? -1 : indexOf(k.superId);
            k = superIndex < 0 ? null : classes.get(superIndex);
        }
        c.fieldBytesInFile = bytes;
        c.referenceOffsets = offsets;
        return true;
    }
}
