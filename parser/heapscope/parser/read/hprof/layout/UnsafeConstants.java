package heapscope.parser.read.hprof.layout;

import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;

/**
 * The array layout constants {@code jdk.internal.misc.Unsafe} (JDK 9+) or {@code sun.misc.Unsafe} (JDK 8) keep as
 * static fields, which HotSpot dumps with the class: the reference size ({@code ARRAY_OBJECT_INDEX_SCALE}) and where
 * each array type's elements start ({@code ARRAY_*_BASE_OFFSET}; ints or longs depending on the JDK).
 *
 * @param className the Unsafe class the values came from
 * @param referenceSize {@code ARRAY_OBJECT_INDEX_SCALE}
 * @param arrayBases element offsets by HPROF basic type code
 */
record UnsafeConstants(String className, int referenceSize, int[] arrayBases) {
    private static final String[] CLASS_NAMES = {"jdk.internal.misc.Unsafe", "sun.misc.Unsafe"};

    /**
     * Object header size: the array length follows the header and the byte elements follow the length, possibly
     * rounded up to 8 (JDK 21 and older align array bases to a word), so the header is the largest of 8, 12 and 16
     * that leaves room for the length before the byte base.
     */
    int headerSize() {
        return headerForByteBase(arrayBases[HprofBasicType.BYTE]);
    }

    static int headerForByteBase(int byteBase) {
        return byteBase >= 20 ? 16 : byteBase >= 16 ? 12 : 8;
    }

    /** The constants of the first Unsafe class that has all of them with plausible values, or null. */
    static UnsafeConstants find(ClassDefinitions classes) {
        for (String name : CLASS_NAMES) {
            for (int i = 0; i < classes.size(); i++) {
                HprofClass c = classes.get(i);
                if (name.equals(c.javaName)) {
                    UnsafeConstants found = read(name, c);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static UnsafeConstants read(String name, HprofClass c) {
        long scale = staticValue(c, "ARRAY_OBJECT_INDEX_SCALE");
        int[] bases = new int[HprofBasicType.LONG + 1];
        String[] typeNames = {null, null, "OBJECT", null, "BOOLEAN", "CHAR", "FLOAT", "DOUBLE", "BYTE", "SHORT", "INT",
            "LONG"};
        for (int t = 0; t < typeNames.length; t++) {
            if (typeNames[t] == null) {
                continue;
            }
            long base = staticValue(c, "ARRAY_" + typeNames[t] + "_BASE_OFFSET");
            if (base < 8 || base > 32) {
                return null;
            }
            bases[t] = (int) base;
        }
        int byteBase = bases[HprofBasicType.BYTE];
        if ((scale != 4 && scale != 8) || byteBase < 12 || byteBase > 24) {
            return null;
        }
        return new UnsafeConstants(name, (int) scale, bases);
    }

    /** The static's value (int or long), or -1 when the class has no primitive static of that name. */
    private static long staticValue(HprofClass c, String staticName) {
        for (int i = 0; i < c.staticTypes.length; i++) {
            if (staticName.equals(c.staticNames[i])
                    && (c.staticTypes[i] == HprofBasicType.INT || c.staticTypes[i] == HprofBasicType.LONG)) {
                return c.staticValues[i];
            }
        }
        return -1;
    }
}
