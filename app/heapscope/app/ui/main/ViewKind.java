package heapscope.app.ui.main;

/**
 * The views the toolbar's selector switches between, in DevTools' order, named as DevTools names them; for a Java
 * dump, the two that Eclipse MAT names otherwise carry MAT's names (Histogram, Dominator Tree).
 */
public enum ViewKind {
    SUMMARY("Summary"),
    COMPARISON("Comparison"),
    CONTAINMENT("Containment"),
    DOMINATORS("Dominators"),
    STATISTICS("Statistics"),
    LEAKS("Leaks"),
    SUSPECTS("Leak Suspects");

    private final String title;

    ViewKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The view's name for a file of this format (null: none shown yet). */
    public String title(heapscope.parser.graph.HeapFormat format) {
        if (format == heapscope.parser.graph.HeapFormat.HPROF) {
            if (this == SUMMARY) {
                return "Histogram";
            }
            if (this == DOMINATORS) {
                return "Dominator Tree";
            }
        }
        return title;
    }

    /** Parses a view name as given to {@code --view} (case-insensitive). */
    public static ViewKind parse(String name) {
        for (ViewKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name) || kind.title.equalsIgnoreCase(name)
                    || kind.title.replace(" ", "-").equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown view '" + name + "'; one of: summary, comparison, containment,"
                + " dominators, statistics, leaks, suspects");
    }

    @Override
    public String toString() {
        return title;
    }
}
