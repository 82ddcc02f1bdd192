package heapscope.app.capture;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a user types to name a target, resolved to the target: a pid (a JVM or a Node.js process), {@code jvm:PID},
 * {@code node:HOST:PORT} (a V8 inspector; HOST must be loopback) or an inspector's WebSocket URL
 * ({@code ws://127.0.0.1:9229/...}, as {@code --list} or Node's "Debugger listening on" line shows it). Stateless;
 * looks at processes and asks inspectors.
 */
public final class TargetAddress {
    /** The forms, for messages. */
    public static final String FORMS = "a pid, jvm:PID, node:HOST:PORT or ws://HOST:PORT/...";

    private TargetAddress() {
    }

    /** The target; IllegalArgumentException when the text is none of the forms, CaptureException when there is none. */
    public static CaptureTarget resolve(String text) throws CaptureException {
        String address = text.trim();
        if (address.matches("\\d{1,10}")) {
            return process(Long.parseLong(address));
        }
        if (address.matches("jvm:\\d{1,10}")) {
            long pid = Long.parseLong(address.substring(4));
            CaptureTarget target = process(pid);
            if (!(target instanceof JvmTarget)) {
                throw new CaptureException("process " + pid + " is not a JVM (it is " + target.label() + ")");
            }
            return target;
        }
        if (address.startsWith("node:")) {
            int colon = address.lastIndexOf(':');
            String host = address.substring(5, Math.max(5, colon));
            String port = address.substring(colon + 1);
            if (host.isEmpty() || !port.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("node:HOST:PORT expected, e.g. node:127.0.0.1:9229 (got " + text
                        + ")");
            }
            return inspector(host, Integer.parseInt(port));
        }
        if (address.startsWith("ws://")) {
            return webSocket(address);
        }
        throw new IllegalArgumentException("TARGET must be " + FORMS + " (got " + text + ")");
    }

    private static CaptureTarget process(long pid) throws CaptureException {
        Optional<JvmTarget> jvm = JvmDiscovery.listed(pid);
        if (jvm.isPresent()) {
            return jvm.get();
        }
        LocalProcess process = LocalProcess.of(pid).orElseThrow(() -> new CaptureException(
                "no process with pid " + pid + " is running (heapscope capture --list shows the targets)"));
        if (process.isJava()) {
            return JvmDiscovery.unlisted(process);
        }
        if (process.isNode()) {
            return InspectorDiscovery.node(process);
        }
        throw new CaptureException(process.describe() + " is neither a JVM nor Node.js (heapscope capture --list shows "
                + "the targets)");
    }

    private static CaptureTarget inspector(String host, int port) throws CaptureException {
        Loopback.require(host, host + ":" + port);
        List<InspectorTarget> targets = atPort(host, port);
        if (targets.isEmpty()) {
            throw new CaptureException("no V8 inspector answers at " + host + ":" + port + " (start Node.js with "
                    + "--inspect=" + host + ":" + port + ")");
        }
        List<InspectorTarget> nodes = targets.stream().filter(t -> t.kind().equals("node")).toList();
        if (targets.size() == 1 || nodes.size() == 1) {
            return nodes.isEmpty() ? targets.get(0) : nodes.get(0);
        }
        throw new CaptureException(host + ":" + port + " has " + targets.size() + " targets: name one by its "
                + "WebSocket URL, e.g. " + targets.get(0).webSocketUrl() + " (heapscope capture --list shows them)");
    }

    private static CaptureTarget webSocket(String url) throws CaptureException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a WebSocket URL: " + url);
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("a WebSocket URL with host and port expected: " + url);
        }
        Loopback.require(uri.getHost(), url);
        return atPort(uri.getHost(), uri.getPort()).stream().filter(t -> url.equals(t.webSocketUrl())).findFirst()
                .orElseThrow(() -> new CaptureException("the inspector at " + uri.getHost() + ":" + uri.getPort()
                        + " has no target " + url + " (closed, or its process exited?)"));
    }

    /** The inspector's targets, with the Node.js process that listens on the port when it can be told (Linux). */
    private static List<InspectorTarget> atPort(String host, int port) {
        Optional<LocalProcess> owner = LocalProcess.all().stream().filter(LocalProcess::isNode)
                .filter(p -> ListeningPorts.of(p.pid()).stream().anyMatch(s -> s.port() == port)).findFirst();
        return InspectorDiscovery.targetsAt(host, port, owner.map(LocalProcess::pid).orElse(-1L),
                owner.map(LocalProcess::user).orElse(""));
    }
}
