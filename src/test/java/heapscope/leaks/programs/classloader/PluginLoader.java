package heapscope.leaks.programs.classloader;

import java.io.IOException;
import java.io.InputStream;

/**
 * One deployment of the plugin: a class loader that defines the classes of the plugin package itself, from the
 * class files its parent can see (child-first, as application servers load web applications), and delegates every
 * other class to its parent. Each instance so has its own {@code ReportPlugin} class, statics included.
 */
final class PluginLoader extends ClassLoader {
    static final String PLUGIN_PACKAGE = "heapscope.leaks.programs.classloader.plugin.";

    PluginLoader(String deployment, ClassLoader parent) {
        super(deployment, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PLUGIN_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = definePluginClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> definePluginClass(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
