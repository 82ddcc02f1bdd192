package heapscope.parser.read.hprof.format;

/**
 * HPROF basic type codes (fields, statics, constant pool entries and primitive arrays) with their sizes and Java
 * names. Code 2 is a reference of the dump's identifier size. Constants only; no IO.
 */
public final class HprofBasicType {
    public static final int OBJECT = 2;
    public static final int BOOLEAN = 4;
    public static final int CHAR = 5;
    public static final int FLOAT = 6;
    public static final int DOUBLE = 7;
    public static final int BYTE = 8;
    public static final int SHORT = 9;
    public static final int INT = 10;
    public static final int LONG = 11;

    private static final int[] PRIMITIVE_SIZES = {-1, -1, -1, -1, 1, 2, 4, 8, 1, 2, 4, 8};
    private static final String[] JAVA_NAMES = {null, null, null, null, "boolean", "char", "float", "double", "byte",
        "short", "int", "long"};
    private static final char[] DESCRIPTORS = {0, 0, 0, 0, 'Z', 'C', 'F', 'D', 'B', 'S', 'I', 'J'};

    private HprofBasicType() {
    }

    public static boolean isPrimitive(int type) {
        return type >= BOOLEAN && type <= LONG;
    }

    /** Size in the file: the identifier size for references, the primitive's width otherwise; -1 if unknown. */
    public static int sizeInFile(int type, int idSize) {
        if (type == OBJECT) {
            return idSize;
        }
        return type >= 0 && type < PRIMITIVE_SIZES.length ? PRIMITIVE_SIZES[type] : -1;
    }

    /** Width of a primitive type in the heap (1, 2, 4 or 8), -1 for non-primitives. */
    public static int primitiveSize(int type) {
        return type >= 0 && type < PRIMITIVE_SIZES.length ? PRIMITIVE_SIZES[type] : -1;
    }

    /** "int", "boolean", ... for primitive codes, null otherwise. */
    public static String javaName(int type) {
        return isPrimitive(type) ? JAVA_NAMES[type] : null;
    }

    /** The primitive code for a descriptor letter, or -1. */
    static int fromDescriptor(char c) {
        for (int t = BOOLEAN; t <= LONG; t++) {
            if (DESCRIPTORS[t] == c) {
                return t;
            }
        }
        return -1;
    }
}
