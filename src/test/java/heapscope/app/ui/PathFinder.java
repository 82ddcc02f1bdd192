package heapscope.app.ui;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/** Debug aid: a reference path from a root object to a target, by reflection. */
final class PathFinder {
    static String find(Object root, Object target) {
        Map<Object, String> seen = new IdentityHashMap<>();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        seen.put(root, "root");
        queue.add(root);
        while (!queue.isEmpty()) {
            Object o = queue.poll();
            String path = seen.get(o);
            if (o == target) {
                return path;
            }
            if (o.getClass().isArray()) {
                if (o.getClass().getComponentType().isPrimitive()) {
                    continue;
                }
                int n = Array.getLength(o);
                for (int i = 0; i < n; i++) {
                    visit(Array.get(o, i), path + "[" + i + "]", seen, queue);
                }
                continue;
            }
            if (o instanceof Collection<?> c && o.getClass().getName().startsWith("java.")) {
                int i = 0;
                try {
                    for (Object e : c) {
                        visit(e, path + "{" + (i++) + "}", seen, queue);
                    }
                } catch (RuntimeException e) {
                    // concurrent modification
                }
                continue;
            }
            if (o instanceof java.util.WeakHashMap) {
                continue;
            }
            if (o instanceof Map<?, ?> m && o.getClass().getName().startsWith("java.")) {
                try {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        visit(e.getKey(), path + "<key>", seen, queue);
                        visit(e.getValue(), path + "<" + e.getKey().getClass().getSimpleName() + ">", seen, queue);
                    }
                } catch (RuntimeException e) {
                    // ignore
                }
                continue;
            }
            for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        visit(f.get(o), path + "." + c.getSimpleName() + "#" + f.getName(), seen, queue);
                    } catch (RuntimeException | IllegalAccessException e) {
                        // module-protected
                    }
                }
            }
        }
        return null;
    }

    private static void visit(Object value, String path, Map<Object, String> seen, ArrayDeque<Object> queue) {
        if (value == null || seen.containsKey(value) || value instanceof String || value instanceof Class) {
            return;
        }
        if (value.getClass().getName().startsWith("java.lang.ref.")) {
            return;
        }
        seen.put(value, path);
        queue.add(value);
    }
}
