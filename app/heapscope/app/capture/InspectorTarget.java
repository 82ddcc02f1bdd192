package heapscope.app.capture;

/**
 * A V8 target behind a DevTools inspector on loopback: a Node.js process ({@code --inspect}, or opened with
 * {@code SIGUSR1}), or a page, worker or service worker of a Chrome/Chromium started with
 * {@code --remote-debugging-port}. {@code webSocketUrl} is null for a Node.js process whose inspector is not open yet:
 * taking a snapshot opens it first (see {@link NodeInspectorOpener}).
 *
 * @param kind {@code node}, or the inspector's type of a browser target ({@code page}, {@code worker}, ...)
 * @param pid the process, or -1 when the inspector was found by its port only
 * @param host the loopback address the inspector listens on; null when not open
 * @param port its port; 0 when not open
 */
public record InspectorTarget(String kind, long pid, String name, String runtime, String user, String host, int port,
        String webSocketUrl, String problem) implements CaptureTarget {
    public boolean isOpen() {
        return webSocketUrl != null;
    }

    @Override
    public String id() {
        if (!isOpen()) {
            return Long.toString(pid);
        }
        return isNode() ? "node:" + host + ":" + port : webSocketUrl;
    }

    private boolean isNode() {
        return kind.equals("node");
    }

    @Override
    public String label() {
        String program = name.isEmpty() ? "" : " (" + name + ")";
        if (isNode()) {
            return "node " + (pid > 0 ? Long.toString(pid) : host + ":" + port) + program;
        }
        return "Chrome " + kind + program;
    }

    @Override
    public String fileStem() {
        String program = CaptureTarget.safeFileNamePart(name);
        String process = isNode() ? "node-" + (pid > 0 ? Long.toString(pid) : Integer.toString(port))
                : "chrome-" + port + "-" + kind;
        return process + (program.isEmpty() ? "" : "-" + program);
    }

    @Override
    public String fileExtension() {
        return ".heapsnapshot";
    }
}
