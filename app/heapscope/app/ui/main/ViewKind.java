package heapscope.app.ui.main;

/** The views the toolbar's selector switches between, in DevTools' order. */
public enum ViewKind {
    SUMMARY("Summary"),
    COMPARISON("Comparison"),
    CONTAINMENT("Containment"),
    DOMINATORS("Dominators"),
    STATISTICS("Statistics"),
    LEAKS("Leaks");

    private final String title;

    ViewKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Parses a view name as given to {@code --view} (case-insensitive). */
    public static ViewKind parse(String name) {
        for (ViewKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name) || kind.title.equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown view '" + name + "'; one of: summary, comparison, containment,"
                + " dominators, statistics, leaks");
    }

    @Override
    public String toString() {
        return title;
    }
}
