package heapscope.leaks.programs.classloader;

/** What the host application knows of a plugin; loaded by the application's class loader, shared by all plugins. */
public interface Plugin {
    String name();

    /** Renders a line of the plugin's output. */
    String render(long value);
}
