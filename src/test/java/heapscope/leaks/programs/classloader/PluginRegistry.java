package heapscope.leaks.programs.classloader;

import java.util.ArrayList;
import java.util.List;

/**
 * The plugins the host has deployed. A redeploy registers the new instance and should unregister the old one; it
 * does not (the leak), so every deployment's plugin, its class loader and its classes stay.
 */
final class PluginRegistry {
    static final List<Plugin> PLUGINS = new ArrayList<>();

    private PluginRegistry() {
    }

    static void register(Plugin plugin) {
        PLUGINS.add(plugin);
    }

    static Plugin current() {
        return PLUGINS.get(PLUGINS.size() - 1);
    }
}
