package heapscope.app.capture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One DevTools-protocol session over a V8 inspector's WebSocket ({@code java.net.http}): commands get their response
 * as a future, events go to a handler, in the order they arrive, on the WebSocket's thread. A message split over
 * several frames is put together first. When the other side dies in the middle of a message, JDK 17's WebSocket client
 * does not always report it: callers watch the process and the inspector themselves. Thread-safe.
 */
final class InspectorConnection implements AutoCloseable {
    /** Hears the protocol's events, on the WebSocket's thread. */
    interface EventHandler {
        void event(InspectorJson.Message event);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<Long, CompletableFuture<InspectorJson.Message>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong lastMessageNanos = new AtomicLong(System.nanoTime());
    private final EventHandler events;
    private WebSocket socket;

    private InspectorConnection(EventHandler events) {
        this.events = events;
    }

    /** Connects; IOException when nothing accepts the WebSocket at {@code url}. */
    static InspectorConnection open(URI url, EventHandler events) throws IOException {
        InspectorConnection connection = new InspectorConnection(events);
        try {
            connection.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(url, connection.new Listener()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
        return connection;
    }

    /** Sends a command with its parameters (a JSON object's text, or null); the future completes with its response. */
    CompletableFuture<InspectorJson.Message> send(String method, String params) {
        long id = nextId.getAndIncrement();
        CompletableFuture<InspectorJson.Message> response = new CompletableFuture<>();
        pending.put(id, response);
        String text = "{\"id\":" + id + ",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":"
                + params) + "}";
        socket.sendText(text, true).whenComplete((sent, error) -> {
            if (error != null) {
                response.completeExceptionally(error);
            }
        });
        return response;
    }

    /** Completes when the session ends: normally when the other side closed it, exceptionally on a failure. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    /** Nanoseconds (System.nanoTime) when the last message arrived. */
    long lastMessageNanos() {
        return lastMessageNanos.get();
    }

    /** Drops the connection at once, whatever is under way. */
    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        end(null);
    }

    private void end(Throwable failure) {
        IOException ended = new IOException(failure == null ? "the inspector closed the connection"
                : String.valueOf(failure.getMessage()), failure);
        pending.values().forEach(f -> f.completeExceptionally(ended));
        pending.clear();
        if (failure == null) {
            closed.complete(null);
        } else {
            closed.completeExceptionally(failure);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastMessageNanos.set(System.nanoTime());
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    dispatch(InspectorJson.message(text));
                } catch (IOException | RuntimeException e) {
                    end(e); // first: aborting reports a closed connection, which must not hide why
                    webSocket.abort();
                    return null;
                }
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(InspectorJson.Message message) {
            if (message.isResponse()) {
                CompletableFuture<InspectorJson.Message> response = pending.remove(message.id());
                if (response != null) {
                    response.complete(message);
                }
            } else {
                events.event(message);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
        }
    }
}
