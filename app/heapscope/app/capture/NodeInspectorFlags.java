package heapscope.app.capture;

import java.util.List;

/**
 * Where a Node.js process's command line says its inspector listens ({@code --inspect[=[host:]port]},
 * {@code --inspect-brk}, {@code --inspect-wait}) or would open on {@code SIGUSR1} ({@code --inspect-port}); Node's
 * defaults are 127.0.0.1 and 9229. Port 0 means the system picked one. Only options before the script count.
 *
 * @param active whether the inspector was started with the process
 */
record NodeInspectorFlags(boolean active, String host, int port) {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 9229;

    static NodeInspectorFlags parse(List<String> arguments) {
        boolean active = false;
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        for (String argument : arguments) {
            if (argument.equals("--") || !argument.startsWith("-")) {
                break; // the script: what follows is its own arguments
            }
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            String value = argument.contains("=") ? argument.substring(argument.indexOf('=') + 1) : null;
            boolean starts = name.equals("--inspect") || name.equals("--inspect-brk") || name.equals("--inspect-wait");
            if (!starts && !name.equals("--inspect-port") && !name.equals("--debug-port")) {
                continue;
            }
            active |= starts;
            if (value != null) {
                int colon = value.lastIndexOf(':');
                String portText = colon < 0 ? value : value.substring(colon + 1);
                if (colon > 0) {
                    host = value.substring(0, colon);
                } else if (!portText.matches("\\d+")) {
                    host = value; // --inspect=HOST
                    continue;
                }
                if (portText.matches("\\d{1,5}")) {
                    port = Integer.parseInt(portText);
                }
            }
        }
        return new NodeInspectorFlags(active, host, port);
    }
}
