package heapscope.leaks.programs.listeners;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The editor's event bus: listeners in subscription order, called for every event. */
final class EventBus {
    private final List<Consumer<EditorEvent>> listeners = new CopyOnWriteArrayList<>();

    void subscribe(Consumer<EditorEvent> listener) {
        listeners.add(listener);
    }

    void unsubscribe(Consumer<EditorEvent> listener) {
        listeners.remove(listener);
    }

    void publish(EditorEvent event) {
        for (Consumer<EditorEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    int listenerCount() {
        return listeners.size();
    }
}
