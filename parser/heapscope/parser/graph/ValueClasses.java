package heapscope.parser.graph;

import java.util.Set;

/**
 * Java classes whose instances never change once made and are told apart by their values alone: {@code String}, the
 * boxed primitives, {@code UUID}. Two such objects with different values are never one object at two times, and an
 * object that refers to one is partly identified by its value. No IO; thread-safe.
 */
public final class ValueClasses {
    private static final Set<String> NAMES = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Byte",
            "java.lang.Character", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
            "java.lang.Double", "java.util.UUID");

    private ValueClasses() {
    }

    public static boolean isValueClass(String className) {
        return NAMES.contains(className);
    }
}
