package heapscope.leaks.programs.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used map: a {@link LinkedHashMap} in access order that drops its eldest entry once it
 * holds more than {@code capacity}. Once full it stays at {@code capacity} entries however much it churns: the
 * leak programs use it as the noise a real service has and a leak report must not list. Not thread-safe.
 */
public final class LruCache<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;

    public LruCache(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
