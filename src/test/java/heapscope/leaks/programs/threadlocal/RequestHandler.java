package heapscope.leaks.programs.threadlocal;

/**
 * Handles one request on a pool thread: enters a new {@link RequestScope}, writes a response into its buffer, and
 * returns without removing the scope's thread local. A static, per-thread formatter buffer is used the right way
 * (one thread local for the class, one value per thread, reused): it is not a leak.
 */
final class RequestHandler {
    private static final ThreadLocal<StringBuilder> FORMATTER = ThreadLocal.withInitial(() -> new StringBuilder(512));

    private RequestHandler() {
    }

    static int handle(long requestId, String path) {
        RequestScope scope = new RequestScope(requestId);
        RequestScope.RequestState state = scope.enter();
        StringBuilder formatter = FORMATTER.get();
        formatter.setLength(0);
        formatter.append("GET ").append(path).append(" -> 200, request ").append(requestId);
        byte[] line = formatter.toString().getBytes();
        System.arraycopy(line, 0, state.responseBuffer, 0, line.length);
        state.written = line.length;
        return scope.state().written;
    }
}
