package heapscope.parser.read.hprof.format;

/**
 * Turns the class names an HPROF file writes (JVM internal form: {@code java/util/HashMap$Node},
 * {@code [Ljava/lang/String;}, {@code [I}, hidden classes as {@code Foo+0x0000123}) into Java form:
 * {@code java.util.HashMap$Node}, {@code java.lang.String[]}, {@code int[]}, {@code Foo/0x0000123} (as
 * {@code jcmd GC.class_histogram} prints hidden classes). Names already in Java form pass through. Stateless; no IO.
 */
public final class JavaNames {
    private JavaNames() {
    }

    public static String fromInternal(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        String element;
        if (dims == 0) {
            element = plainClass(name);
        } else {
            String rest = name.substring(dims);
            if (rest.length() == 1 && HprofBasicType.fromDescriptor(rest.charAt(0)) >= 0) {
                element = HprofBasicType.javaName(HprofBasicType.fromDescriptor(rest.charAt(0)));
            } else if (rest.startsWith("L") && rest.endsWith(";")) {
                element = plainClass(rest.substring(1, rest.length() - 1));
            } else {
                element = plainClass(rest);
            }
        }
        if (dims == 0) {
            return element;
        }
        StringBuilder out = new StringBuilder(element.length() + 2 * dims).append(element);
        for (int i = 0; i < dims; i++) {
            out.append("[]");
        }
        return out.toString();
    }

    /** The Java name of the array class whose elements are primitive type {@code type}, e.g. "int[]". */
    public static String primitiveArray(int type) {
        return HprofBasicType.javaName(type) + "[]";
    }

    private static String plainClass(String name) {
        String dotted = name.replace('/', '.');
        int hidden = dotted.lastIndexOf("+0x");
        if (hidden > 0) {
            dotted = dotted.substring(0, hidden) + "/" + dotted.substring(hidden + 1);
        }
        return dotted;
    }
}
