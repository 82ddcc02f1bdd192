package heapscope.app.capture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of a V8 inspector on loopback: {@code /json/version} (which runtime answers) and {@code /json/list}
 * (its targets, each with the WebSocket URL to debug it). Never goes through a proxy. Thread-safe; does network IO.
 */
final class InspectorHttp {
    /** HTTP/1.1: Node's inspector does not answer a request that offers an upgrade to HTTP/2. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(2)).build();

    private InspectorHttp() {
    }

    /** The inspector's {@code /json/version}; IOException when nothing, or not an inspector, answers there. */
    static Map<String, String> version(String host, int port) throws IOException {
        return InspectorJson.object(get(host, port, "/json/version"));
    }

    /** The inspector's targets, as {@code /json/list} gives them. */
    static List<Map<String, String>> list(String host, int port) throws IOException {
        return InspectorJson.objects(get(host, port, "/json/list"));
    }

    private static String get(String host, int port, String path) throws IOException {
        String authority = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + authority + path))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(authority + path + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
