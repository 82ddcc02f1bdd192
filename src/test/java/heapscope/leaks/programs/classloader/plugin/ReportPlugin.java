package heapscope.leaks.programs.classloader.plugin;

import heapscope.leaks.programs.classloader.Plugin;
import java.util.HashMap;
import java.util.Map;

/**
 * The plugin that the host deploys again and again. Never loaded by the application's class loader: each
 * {@code PluginLoader} defines its own copy, with its own static template cache (which is what makes a class-loader
 * leak costly: the statics of every leaked copy stay too).
 */
public final class ReportPlugin implements Plugin {
    public static final String VERSION = "2.4.1";
    static final int TEMPLATES = 16;
    static final int TEMPLATE_BYTES = 1024;
    private static final Map<String, byte[]> TEMPLATES_BY_NAME = new HashMap<>();

    static {
        for (int i = 0; i < TEMPLATES; i++) {
            TEMPLATES_BY_NAME.put("template-" + i, new byte[TEMPLATE_BYTES]);
        }
    }

    private final ReportFormatter formatter = new ReportFormatter("report-plugin " + VERSION);
    private long rendered;

    @Override
    public String name() {
        return "report-plugin";
    }

    @Override
    public String render(long value) {
        rendered++;
        return formatter.format(value, TEMPLATES_BY_NAME.get("template-" + (value % TEMPLATES)).length);
    }
}
