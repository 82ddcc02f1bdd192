package heapscope.parser.analysis.leaks.program;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread local per scope, never removed: the value is an inner object and so holds its scope, which holds the thread
 * local, so the entry's weak key stays reachable and the thread's map never drops it. An inheritable scope's thread
 * local is an {@link InheritableThreadLocal}, kept in the thread's other map ({@code inheritableThreadLocals}). The
 * third of {@link EightLeaks}' leaks.
 */
final class RequestScope {
    private static final AtomicInteger ENTERED = new AtomicInteger();
    private final ThreadLocal<RequestState> current;

    RequestScope(boolean inheritable) {
        current = inheritable ? new InheritableThreadLocal<>() : new ThreadLocal<>();
    }

    final class RequestState {
        final byte[] buffer = new byte[256];
    }

    void enter() {
        current.set(new RequestState());
        ENTERED.incrementAndGet();
    }

    static int entered() {
        return ENTERED.get();
    }
}
