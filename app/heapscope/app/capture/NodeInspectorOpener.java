package heapscope.app.capture;

import heapscope.parser.progress.CancelSignal;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Opens the inspector of a running Node.js process the way DevTools does: {@code SIGUSR1} (Linux, macOS), after which
 * Node listens on its {@code --inspect-port} (127.0.0.1:9229 by default). Sent only to processes whose executable is
 * {@code node}: the same signal ends most other programs. Stateless; signals and waits.
 */
final class NodeInspectorOpener {
    private static final long WAIT_MILLIS = 10_000;

    private NodeInspectorOpener() {
    }

    static InspectorTarget open(InspectorTarget target, CaptureProgress progress, CancelSignal cancel)
            throws CaptureException {
        LocalProcess process = LocalProcess.of(target.pid()).filter(LocalProcess::isNode)
                .orElseThrow(() -> new CaptureException(target.label() + " is not running (any more)"));
        if (target.problem() != null) {
            throw new CaptureException("cannot take a snapshot of " + target.label() + ": " + target.problem());
        }
        progress.step("Opening the inspector of " + target.label() + " (SIGUSR1)\u2026");
        signal(process, target.label());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            cancel.throwIfCanceled();
            InspectorTarget now = InspectorDiscovery.node(process);
            if (now.isOpen()) {
                return now;
            }
            if (now.problem() != null) {
                throw new CaptureException("cannot take a snapshot of " + target.label() + ": " + now.problem());
            }
            if (!LocalProcess.isAlive(process.pid())) {
                throw new CaptureException(target.label() + " exited after it was asked to open its inspector");
            }
            sleep(200);
        }
        NodeInspectorFlags flags = NodeInspectorFlags.parse(process.arguments());
        throw new CaptureException(target.label() + " did not open its inspector within " + WAIT_MILLIS / 1000
                + " s of SIGUSR1 (is port " + flags.port() + " taken by another process? start it with "
                + "--inspect-port=127.0.0.1:0, or with --inspect=127.0.0.1:0)");
    }

    private static void signal(LocalProcess process, String label) throws CaptureException {
        try {
            Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes()).trim();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new CaptureException("cannot ask " + label + " to open its inspector: " + (output.contains(
                        "not permitted") ? "it runs as user " + process.user() + " (no permission to signal it)"
                        : output));
            }
        } catch (IOException e) {
            throw new CaptureException("cannot ask " + label + " to open its inspector: " + e.getMessage()
                    + " (start it with --inspect=127.0.0.1:0 instead)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while opening the inspector of " + label, e);
        }
    }

    private static void sleep(long millis) throws CaptureException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted", e);
        }
    }
}
