package heapscope.leaks.programs.listeners;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Leak program {@code java-listeners}: listeners never removed from an event bus. Each phase opens
 * {@value #SESSIONS_PER_PHASE} editor sessions, types into them and closes them; each session's theme listener (a
 * lambda capturing the {@link EditorSession}) stays subscribed, so all sessions pile up behind the bus. At most
 * {@value #OPEN_AT_ONCE} sessions are open at a time, a status bar listens for the program's life, and every event
 * published makes garbage. The truth is in src/test/resources/programs/leaks/java-listeners.truth.json.
 *
 * <p>Run: {@code java -cp test-classes heapscope.leaks.programs.listeners.ListenerLeak OUT_DIR}; writes
 * {@code OUT_DIR/java-listeners-{1..4}.hprof}.
 */
public final class ListenerLeak {
    static final int SESSIONS_PER_PHASE = 250;
    static final int OPEN_AT_ONCE = 8;
    private static final String[] THEMES = {"light", "dark", "solarized", "high-contrast"};

    private ListenerLeak() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        EventBus bus = new EventBus();
        StatusBar statusBar = new StatusBar();
        bus.subscribe(statusBar::onEvent);
        Deque<EditorSession> open = new ArrayDeque<>();
        long nextId = 1;
        for (int phase = 1; phase <= PhaseDumps.PHASES; phase++) {
            for (int i = 0; i < SESSIONS_PER_PHASE; i++) {
                EditorSession session = new EditorSession(nextId++, bus);
                session.type("draft " + i + " of phase " + phase);
                open.addLast(session);
                if (open.size() > OPEN_AT_ONCE) {
                    open.removeFirst().close();
                }
                if (i % 50 == 0) {
                    bus.publish(new EditorEvent("theme", THEMES[(i / 50) % THEMES.length]));
                    bus.publish(new EditorEvent("save-all", "phase " + phase));
                }
            }
            PhaseDumps.dump(out, "java-listeners", phase, "listeners=" + bus.listenerCount() + " open="
                    + open.size() + " status=" + statusBar.message());
        }
    }
}
