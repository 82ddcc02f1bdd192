package heapscope.parser.graph;

/**
 * The names of the internal edges the HPROF reader gives Java objects and class objects, which the analyses follow to
 * an object's class, a class's superclass and a class's loader: the one place reader and analyses agree on them.
 * Constants only.
 */
public final class JavaEdgeNames {
    /** From every object to its class object. */
    public static final String CLASS = "<class>";
    /** From a class object to its superclass's class object; none for {@code java.lang.Object}. */
    public static final String SUPER = "<super>";
    /** From a class object to its class loader; none for the boot loader. */
    public static final String CLASS_LOADER = "<classloader>";

    private JavaEdgeNames() {
    }
}
