package heapscope.parser.analysis.leaks.program;

/** A session the bus's listener keeps alive after it closed. */
final class EditorSession {
    final long id;
    final char[] text = new char[48];
    String lastEvent;

    EditorSession(long id) {
        this.id = id;
    }

    void onEvent(String event) {
        lastEvent = event;
    }
}
