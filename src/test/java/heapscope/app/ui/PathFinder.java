package heapscope.app.ui;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain of strong references from a root object to a target, by reflection (instance fields, arrays, and the
 * elements of the JDK's collections and maps; weak and soft references, static fields and thread stacks are not
 * followed). Tells without a garbage collection whether the window still holds an object. Walks breadth first and
 * keeps one back link per object, so the first chain found is a shortest one.
 */
final class PathFinder {
    /** How an object was reached: from which object, through which field or slot. */
    private record Link(Object from, String step) {
    }

    private PathFinder() {
    }

    /** The chain of fields from {@code root} to {@code target}, or null when there is none. */
    static String find(Object root, Object target) {
        Map<Object, Link> seen = new IdentityHashMap<>();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        seen.put(root, new Link(null, "root"));
        queue.add(root);
        while (!queue.isEmpty()) {
            Object o = queue.poll();
            if (o == target) {
                return chain(seen, o);
            }
            if (o.getClass().isArray()) {
                if (!o.getClass().getComponentType().isPrimitive()) {
                    int n = Array.getLength(o);
                    for (int i = 0; i < n; i++) {
                        visit(Array.get(o, i), o, "[" + i + "]", seen, queue);
                    }
                }
            } else if (o instanceof java.util.WeakHashMap) {
                continue;
            } else if (o instanceof Collection<?> c && o.getClass().getName().startsWith("java.")) {
                try {
                    for (Object e : c) {
                        visit(e, o, "{element}", seen, queue);
                    }
                } catch (RuntimeException e) {
                    // changed while walked: what was read so far is walked
                }
            } else if (o instanceof Map<?, ?> m && o.getClass().getName().startsWith("java.")) {
                try {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        visit(e.getKey(), o, "<key>", seen, queue);
                        visit(e.getValue(), o, "<value>", seen, queue);
                    }
                } catch (RuntimeException e) {
                    // changed while walked
                }
            } else {
                for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                            continue;
                        }
                        try {
                            f.setAccessible(true);
                            visit(f.get(o), o, c.getSimpleName() + "#" + f.getName(), seen, queue);
                        } catch (RuntimeException | IllegalAccessException e) {
                            // a field the module system keeps closed
                        }
                    }
                }
            }
        }
        return null;
    }

    private static void visit(Object value, Object from, String step, Map<Object, Link> seen,
            ArrayDeque<Object> queue) {
        if (value == null || value instanceof String || value instanceof Class || value instanceof Thread
                || value instanceof ClassLoader || seen.containsKey(value)) {
            return;
        }
        if (value.getClass().getName().startsWith("java.lang.ref.")) {
            return;
        }
        seen.put(value, new Link(from, step));
        queue.add(value);
    }

    private static String chain(Map<Object, Link> seen, Object target) {
        List<String> steps = new ArrayList<>();
        for (Object at = target; at != null; at = seen.get(at).from()) {
            steps.add(0, seen.get(at).step());
        }
        return String.join(".", steps);
    }
}
