package heapscope.leaks.programs.listeners;

/** What the editor's event bus carries: a kind ("theme", "save-all") and a value. */
record EditorEvent(String kind, String value) {
}
