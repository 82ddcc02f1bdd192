package heapscope.app.capture;

import java.util.Locale;

/**
 * Which addresses Heapscope may contact: loopback only ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}). Decided
 * from the text alone, without a DNS lookup, so that no name can make Heapscope leave the machine. Stateless.
 */
final class Loopback {
    private Loopback() {
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Fails with a sentence when {@code host} is not loopback; {@code what} names the address for the message. */
    static void require(String host, String what) throws CaptureException {
        if (host == null || !isLoopback(host)) {
            throw new CaptureException(what + " is not on this machine's loopback address: Heapscope only connects to "
                    + "127.0.0.1, ::1 or localhost (start the inspector with --inspect=127.0.0.1:PORT)");
        }
    }
}
