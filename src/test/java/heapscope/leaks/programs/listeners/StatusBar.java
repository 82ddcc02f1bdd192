package heapscope.leaks.programs.listeners;

/** The editor's one status bar: subscribed once at start-up, for the program's life (not a leak). */
final class StatusBar {
    private String message = "";
    private long events;

    void onEvent(EditorEvent event) {
        events++;
        message = event.kind() + ": " + event.value();
    }

    String message() {
        return message + " (" + events + ")";
    }
}
