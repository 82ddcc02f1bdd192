package heapscope.leaks.programs.classloader;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Path;

/**
 * Leak program {@code java-class-loader}: class loaders that pile up. Each phase redeploys the report plugin
 * {@value #REDEPLOYS_PER_PHASE} times: a new {@link PluginLoader} defines the plugin's two classes
 * ({@code ReportPlugin}, {@code ReportFormatter}) from the class files under test-classes, and the new instance goes
 * into {@code PluginRegistry.PLUGINS}, which never lets the old ones go. Each phase also opens one more loader only
 * to read the plugin's version and drops it: that loader and its class are unloaded by the next full GC and must not
 * be reported. The truth is in src/test/resources/programs/leaks/java-class-loader.truth.json.
 *
 * <p>Run: {@code java -cp test-classes heapscope.leaks.programs.classloader.ClassLoaderLeak OUT_DIR}; writes
 * {@code OUT_DIR/java-class-loader-{1..4}.hprof}.
 */
public final class ClassLoaderLeak {
    static final int REDEPLOYS_PER_PHASE = 3;
    private static final String PLUGIN_CLASS = PluginLoader.PLUGIN_PACKAGE + "ReportPlugin";

    private ClassLoaderLeak() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        ClassLoader application = ClassLoaderLeak.class.getClassLoader();
        int deployments = 0;
        StringBuilder output = new StringBuilder();
        for (int phase = 1; phase <= PhaseDumps.PHASES; phase++) {
            String version = (String) new PluginLoader("version-probe-" + phase, application).loadClass(PLUGIN_CLASS)
                    .getField("VERSION").get(null);
            for (int i = 0; i < REDEPLOYS_PER_PHASE; i++) {
                PluginLoader loader = new PluginLoader("deployment-" + ++deployments, application);
                Plugin plugin = (Plugin) loader.loadClass(PLUGIN_CLASS).getDeclaredConstructor().newInstance();
                PluginRegistry.register(plugin);
                output.setLength(0);
                output.append(PluginRegistry.current().render(deployments));
            }
            PhaseDumps.dump(out, "java-class-loader", phase, "plugins=" + PluginRegistry.PLUGINS.size() + " version="
                    + version + " last=" + output);
        }
    }
}
