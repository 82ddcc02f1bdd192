package heapscope.parser.read.hprof.layout;

import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields HotSpot adds to a few core classes at class-load time ({@code *_INJECTED_FIELDS} in HotSpot's
 * {@code javaClasses.hpp}). They take space in every instance but are not Java fields, so the dump's CLASS DUMP
 * records do not list them; the layout simulation adds them. Which ones a JVM injects changed between JDK
 * versions; the dump tells, because HotSpot writes its whole symbol table and the VM's own symbols include the
 * names of the fields it injects (e.g. {@code jvmti_VTMS_transition_disable_count} exists from JDK 21 on).
 * {@code java.lang.Class}'s own injected fields are measured instead (see {@link LayoutInference}).
 *
 * <p>Immutable; no IO.
 */
final class InjectedFields {
    /** Injected primitive sizes and reference count for one class. */
    record Extra(int[] primitiveSizes, int references) {
    }

    /** One injected field: its name and size in bytes, or {@link #REFERENCE} for a reference. */
    private record Field(String name, int size) {
    }

    private static final int REFERENCE = -1;
    private static final Extra NONE = new Extra(new int[0], 0);
    /** Symbols whose presence tells which fields this JVM injects. */
    static final List<String> TELLING_SYMBOLS = List.of("loader_data", "module_entry", "vmindex", "vmloader",
            "vmholder", "vmtarget", "vmdependencies", "last_cleanup", "during_unsafe_access", "jvmti_thread_state",
            "jvmti_VTMS_transition_disable_count", "jvmti_is_in_VTMS_transition", "jfr_epoch", "maxThawingSize");

    private final Map<String, List<Field>> byClass = new HashMap<>();
    private final Map<String, Extra> extraByClass = new HashMap<>();

    private InjectedFields() {
    }

    static InjectedFields none() {
        return new InjectedFields();
    }

    /**
     * The injected fields of a HotSpot dump whose symbol table holds {@code symbols} (of
     * {@link #TELLING_SYMBOLS}), with native pointers of {@code pointerSize} bytes. A field the dump lists as a Java
     * field of the class (JDK 25 declares {@code ResolvedMethodName.vmholder}, for instance) is not added again.
     */
    static InjectedFields forHotSpot(ClassDefinitions classes, Set<String> symbols, int pointerSize) {
        int p = pointerSize;
        InjectedFields f = new InjectedFields();
        f.add(symbols, "java.lang.ClassLoader", new Field("loader_data", p));
        f.add(symbols, "java.lang.Module", new Field("module_entry", p));
        if (symbols.contains("vmloader")) { // JDK 8
            f.add(symbols, "java.lang.invoke.MemberName", new Field("vmloader", REFERENCE), new Field("vmindex", p),
                    new Field("vmtarget", p));
        } else {
            f.add(symbols, "java.lang.invoke.MemberName", new Field("vmindex", p));
        }
        f.add(symbols, "java.lang.invoke.ResolvedMethodName", new Field("vmholder", REFERENCE),
                new Field("vmtarget", p));
        f.add(symbols, "java.lang.invoke.MethodHandleNatives$CallSiteContext", new Field("vmdependencies", p),
                new Field("last_cleanup", 8));
        f.byClass.put("java.lang.StackFrameInfo", List.of(new Field("version", 2)));
        f.add(symbols, "java.lang.InternalError", new Field("during_unsafe_access", 1));
        f.byClass.put("java.lang.String", List.of(new Field("flags", 1)));
        f.add(symbols, "java.lang.Thread", new Field("jvmti_thread_state", p),
                new Field("jvmti_VTMS_transition_disable_count", 4), new Field("jvmti_is_in_VTMS_transition", 1),
                new Field("jfr_epoch", 2));
        f.add(symbols, "java.lang.VirtualThread", new Field("jfr_epoch", 2));
        if (symbols.contains("maxThawingSize")) {
            f.byClass.put("jdk.internal.vm.StackChunk", List.of(new Field("cont", REFERENCE), new Field("flags", 1),
                    new Field("pc", p), new Field("maxThawingSize", 4)));
        }
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            List<Field> fields = f.byClass.get(c.javaName);
            if (fields == null) {
                continue;
            }
            if ("java.lang.String".equals(c.javaName) && !declares(c, "hashIsZero")) {
                continue; // the flags byte came with JDK 17, after hashIsZero (JDK 13)
            }
            int[] sizes = new int[fields.size()];
            int n = 0;
            int references = 0;
            for (Field field : fields) {
                if (declares(c, field.name())) {
                    continue;
                }
                if (field.size() == REFERENCE) {
                    references++;
                } else {
                    sizes[n++] = field.size();
                }
            }
            f.extraByClass.put(c.javaName, new Extra(java.util.Arrays.copyOf(sizes, n), references));
        }
        return f;
    }

    /** Registers the fields of {@code fields} whose names are symbols of this dump (so this JVM knows them). */
    private void add(Set<String> symbols, String className, Field... fields) {
        List<Field> known = new java.util.ArrayList<>();
        for (Field field : fields) {
            if (symbols.contains(field.name())) {
                known.add(field);
            }
        }
        if (!known.isEmpty()) {
            byClass.put(className, known);
        }
    }

    Extra forClass(String javaName) {
        return javaName == null ? NONE : extraByClass.getOrDefault(javaName, NONE);
    }

    private static boolean declares(HprofClass c, String field) {
        for (String name : c.fieldNames) {
            if (field.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
