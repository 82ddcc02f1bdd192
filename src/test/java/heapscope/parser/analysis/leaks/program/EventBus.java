package heapscope.parser.analysis.leaks.program;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Listeners in subscription order; nothing unsubscribes them: the second of {@link EightLeaks}' leaks. */
final class EventBus {
    private final List<Consumer<String>> listeners = new ArrayList<>();

    void subscribe(Consumer<String> listener) {
        listeners.add(listener);
    }

    void publish(String event) {
        for (Consumer<String> listener : listeners) {
            listener.accept(event);
        }
    }

    int size() {
        return listeners.size();
    }
}
