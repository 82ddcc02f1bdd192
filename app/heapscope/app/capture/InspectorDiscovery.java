package heapscope.app.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds V8 inspectors on loopback, as DevTools' chrome://inspect does, and the processes behind them:
 * <ul>
 *   <li>Node.js processes: the port their command line names (9229 by default); with port 0, every port the process
 *       listens on (Linux, from /proc). A Node.js process without an open inspector is listed too: taking a snapshot
 *       opens it with {@code SIGUSR1} (Linux, macOS).</li>
 *   <li>Chrome/Chromium (or any Chromium-based program) started with {@code --remote-debugging-port=N}: each page and
 *       worker it lists.</li>
 *   <li>Inspectors on the usual ports 9229 and 9222 that no process above explained (e.g. a forwarded container).</li>
 * </ul>
 * Only ports the process really listens on are asked (where the system tells), so a program's own server never gets
 * an HTTP request it did not expect. Stateless; does network IO.
 */
final class InspectorDiscovery {
    private static final List<Integer> USUAL_PORTS = List.of(NodeInspectorFlags.DEFAULT_PORT, 9222);
    private static final String CHROME_PORT_FLAG = "--remote-debugging-port=";

    private InspectorDiscovery() {
    }

    static List<InspectorTarget> list() {
        List<InspectorTarget> targets = new ArrayList<>();
        Set<Integer> explained = new HashSet<>();
        for (LocalProcess process : LocalProcess.all()) {
            if (process.isNode()) {
                InspectorTarget node = node(process);
                targets.add(node);
                explained.add(node.port());
            } else if (chromePort(process) > 0) {
                explained.add(chromePort(process));
                targets.addAll(browserTargets(process, chromePort(process)));
            }
        }
        for (int port : USUAL_PORTS) {
            if (!explained.contains(port)) {
                targets.addAll(targetsAt(NodeInspectorFlags.DEFAULT_HOST, port, -1, ""));
            }
        }
        return targets;
    }

    /**
     * A Node.js process as a target: with its open inspector, or not open yet (url null). When its inspector listens
     * on an address loopback cannot reach, the target says so in its problem.
     */
    static InspectorTarget node(LocalProcess process) {
        NodeInspectorFlags flags = NodeInspectorFlags.parse(process.arguments());
        String script = scriptName(process.arguments());
        for (ListeningPorts.Socket socket : inspectorSockets(process, flags)) {
            if (!socket.onLoopback()) {
                return notOpen(process, script, "its inspector listens on " + socket.address() + ":" + socket.port()
                        + ", not on loopback: Heapscope only connects to 127.0.0.1, ::1 or localhost (restart it with"
                        + " --inspect=127.0.0.1:" + socket.port() + ")");
            }
            String host = socket.address().equals("::") || socket.address().equals("::1") ? "::1"
                    : socket.address().equals("0.0.0.0") ? NodeInspectorFlags.DEFAULT_HOST : socket.address();
            Optional<InspectorTarget> open = targetsAt(host, socket.port(), process.pid(), process.user()).stream()
                    .filter(t -> t.kind().equals("node")).findFirst();
            if (open.isPresent()) {
                return open.get();
            }
        }
        boolean signals = !System.getProperty("os.name", "").startsWith("Windows");
        return notOpen(process, script, signals ? null
                : "its inspector is not open: start it with --inspect=127.0.0.1:0 (Windows has no SIGUSR1 to open it)");
    }

    private static InspectorTarget notOpen(LocalProcess process, String script, String problem) {
        return new InspectorTarget("node", process.pid(), script, "", process.user(), null, 0, null, problem);
    }

    /** The sockets that may be the inspector: the flags' port (any the process has, for port 0). */
    private static List<ListeningPorts.Socket> inspectorSockets(LocalProcess process, NodeInspectorFlags flags) {
        if (!ListeningPorts.available()) {
            // No way to see the process's sockets: trust its command line (not the default port: maybe another's).
            return flags.active() && flags.port() > 0 ? List.of(new ListeningPorts.Socket(flags.host(), flags.port()))
                    : List.of();
        }
        return ListeningPorts.of(process.pid()).stream()
                .filter(s -> flags.port() == 0 || s.port() == flags.port()).toList();
    }

    private static int chromePort(LocalProcess process) {
        boolean browserProcess = process.arguments().stream().noneMatch(a -> a.startsWith("--type="));
        return browserProcess ? process.arguments().stream().filter(a -> a.startsWith(CHROME_PORT_FLAG))
                .map(a -> a.substring(CHROME_PORT_FLAG.length())).filter(p -> p.matches("\\d{1,5}"))
                .mapToInt(Integer::parseInt).findFirst().orElse(0) : 0;
    }

    private static List<InspectorTarget> browserTargets(LocalProcess process, int port) {
        return targetsAt(NodeInspectorFlags.DEFAULT_HOST, port, process.pid(), process.user());
    }

    /** The targets an inspector at {@code host:port} lists; empty when nothing (or no inspector) answers there. */
    static List<InspectorTarget> targetsAt(String host, int port, long pid, String user) {
        List<InspectorTarget> targets = new ArrayList<>();
        try {
            String browser = InspectorHttp.version(host, port).getOrDefault("Browser", "");
            for (Map<String, String> entry : InspectorHttp.list(host, port)) {
                String url = entry.get("webSocketDebuggerUrl");
                String type = entry.getOrDefault("type", "node");
                if (url == null || type.equals("browser")) {
                    continue; // already being debugged by a client that does not share, or the browser itself
                }
                String urlHost = java.net.URI.create(url).getHost();
                String problem = urlHost != null && Loopback.isLoopback(urlHost) ? null
                        : "its inspector gives the address " + url + ", which is not on loopback";
                String title = entry.getOrDefault("title", "");
                // Node's title is the script as it was started (src/app/server.js): its file name says enough.
                String name = type.equals("node") ? fileName(title) : title;
                targets.add(new InspectorTarget(type, pid, name, browser, user, host, port, url, problem));
            }
        } catch (IOException | IllegalArgumentException e) {
            // Nothing listens there, or it is not an inspector.
        }
        return targets;
    }

    /** The script a Node.js process runs: the first argument that is not an option, by its file name. */
    private static String scriptName(List<String> arguments) {
        return arguments.stream().filter(a -> !a.startsWith("-")).findFirst().map(InspectorDiscovery::fileName)
                .orElse("");
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
