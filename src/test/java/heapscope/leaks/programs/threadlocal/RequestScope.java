package heapscope.leaks.programs.threadlocal;

/**
 * Per-request state made available to the code a request runs, through a thread local that each scope makes for
 * itself (the bug: it should be one static thread local) and never removes (the second bug). The value, a
 * {@link RequestState}, is an inner class and so holds its scope, which holds the thread local: the entry's weak key
 * stays strongly reachable through the entry's own value, so the JDK's {@code ThreadLocalMap} never finds it stale
 * and never expunges it. Every request run by a pool thread leaves one entry in that thread's map.
 */
final class RequestScope {
    static final int BUFFER_BYTES = 2048;

    private final ThreadLocal<RequestState> current = new ThreadLocal<>();
    private final long requestId;

    RequestScope(long requestId) {
        this.requestId = requestId;
    }

    /** What a request keeps while it runs: a response buffer. Inner, so it holds its scope. */
    final class RequestState {
        final byte[] responseBuffer = new byte[BUFFER_BYTES];
        int written;

        long requestId() {
            return requestId;
        }
    }

    RequestState enter() {
        RequestState state = new RequestState();
        current.set(state);
        return state;
    }

    RequestState state() {
        return current.get();
    }
}
