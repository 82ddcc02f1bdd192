package heapscope.parser.read.hprof.layout;

import java.util.Set;

/**
 * HotSpot's field layout before JDK 15 (allocation style 1 with compact fields, as JOL's {@code HotSpotLayouter}
 * simulates it): each class's block starts where its superclass's block ended, rounded up to the reference size;
 * longs/doubles come first (an int, shorts, bytes or a reference may fill the gap before an 8-aligned long), then
 * ints, shorts, bytes, and references last. A few core classes with hard-coded offsets put references first and do
 * not compact. Superclass gaps are never reused. Not validated against a real JDK 8/11 dump on this project's
 * machines (only JDK 17 and 25 are installed); the address-gap vote only picks it when the dump agrees with it.
 *
 * <p>Stateless; no IO.
 */
final class LegacyFieldLayout {
    private static final Set<String> PREDEFINED_OFFSETS = Set.of("java.lang.AssertionStatusDirectives",
            "java.lang.Class", "java.lang.ClassLoader", "java.lang.ref.Reference", "java.lang.ref.SoftReference",
            "java.lang.StackTraceElement", "java.lang.String", "java.lang.Throwable", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Float", "java.lang.Double", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long");

    private LegacyFieldLayout() {
    }

    /**
     * Where the fields a class declares end, given where its superclass's fields end ({@code superEnd}, the
     * header size for a class without superclass).
     *
     * @return the end of this class's block (unaligned); round it to the reference size for a subclass's start and
     *     to the object alignment for the instance size
     */
    static int blockEnd(String className, int superEnd, boolean hasSuper, int[] primitiveSizes, int references,
            int referenceSize) {
        int doubles = 0;
        int words = 0;
        int shorts = 0;
        int bytes = 0;
        for (int size : primitiveSizes) {
            switch (size) {
                case 8 -> doubles++;
                case 4 -> words++;
                case 2 -> shorts++;
                default -> bytes++;
            }
        }
        int oops = references;
        int start = hasSuper ? align(superEnd, referenceSize) : superEnd;
        boolean oopsFirst = PREDEFINED_OFFSETS.contains(className);
        int next = start;
        if (oopsFirst) {
            next += oops * referenceSize;
            oops = 0;
        }
        int doubleOffset = next;
        if (doubles > 0) {
            int aligned = align(next, 8);
            int gap = aligned - next;
            doubleOffset = aligned;
            if (gap > 0 && !oopsFirst) {
                if (words > 0 && gap >= 4) {
                    words--;
                    gap -= 4;
                }
                while (gap >= 2 && shorts > 0) {
                    shorts--;
                    gap -= 2;
                }
                while (gap > 0 && bytes > 0) {
                    bytes--;
                    gap -= 1;
                }
                if (gap >= referenceSize && oops > 0) {
                    oops--;
                }
            }
        }
        int end = doubleOffset + doubles * 8 + words * 4 + shorts * 2 + bytes;
        if (oops > 0) {
            end = align(end, referenceSize) + oops * referenceSize;
        }
        return end;
    }

    static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
