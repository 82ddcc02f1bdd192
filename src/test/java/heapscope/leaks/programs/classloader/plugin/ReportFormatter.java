package heapscope.leaks.programs.classloader.plugin;

/** A helper class of the plugin, so each deployment defines two classes. */
final class ReportFormatter {
    private final String prefix;

    ReportFormatter(String prefix) {
        this.prefix = prefix;
    }

    String format(long value, int templateBytes) {
        return prefix + ": " + value + " (" + templateBytes + " bytes of template)";
    }
}
