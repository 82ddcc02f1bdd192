package heapscope.leaks.programs.listeners;

import java.util.function.Consumer;

/**
 * One open file in the editor. It subscribes two listeners, both lambdas that capture the session: the autosave
 * listener is unsubscribed when the session closes, the theme listener never is (the leak), so every session ever
 * opened stays reachable from the bus through an {@code EditorSession$$Lambda} object.
 */
final class EditorSession {
    private final long id;
    private final String fileName;
    private final StringBuilder text = new StringBuilder(256);
    private final EventBus bus;
    private final Consumer<EditorEvent> autosave;
    private String theme = "light";
    private int saves;

    EditorSession(long id, EventBus bus) {
        this.id = id;
        this.fileName = "notes-" + id + ".txt";
        this.bus = bus;
        this.autosave = event -> onSaveAll(event);
        bus.subscribe(autosave);
        bus.subscribe(event -> onThemeChanged(event)); // never unsubscribed
    }

    void type(String words) {
        text.append(words).append(' ');
    }

    void close() {
        bus.unsubscribe(autosave);
    }

    private void onSaveAll(EditorEvent event) {
        if (event.kind().equals("save-all")) {
            saves++;
        }
    }

    private void onThemeChanged(EditorEvent event) {
        if (event.kind().equals("theme")) {
            theme = event.value();
        }
    }

    @Override
    public String toString() {
        return id + " " + fileName + " " + theme + " " + saves + " " + text.length();
    }
}
