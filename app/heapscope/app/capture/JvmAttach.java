package heapscope.app.capture;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;

/**
 * Attaches to a local JVM through the JDK's attach mechanism (module {@code jdk.attach}, as {@code jcmd} does) and
 * turns every way that fails into one sentence. Attaching to a process that is not a JVM would send it {@code SIGQUIT},
 * which kills most programs: callers attach only to JVMs the mechanism lists, or to processes running {@code java}.
 * Stateless; talks to the target.
 */
final class JvmAttach {
    private JvmAttach() {
    }

    static VirtualMachine attach(long pid, String label) throws CaptureException {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException | SecurityException e) {
            throw failure(pid, label, e);
        }
    }

    private static CaptureException failure(long pid, String label, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("does not support the attach mechanism")) {
            return new CaptureException(label + " refuses to be attached to: it was started with "
                    + "-XX:+DisableAttachMechanism (restart it without that option)", e);
        }
        if (!LocalProcess.isAlive(pid)) {
            return new CaptureException(label + " is not running (any more)", e);
        }
        var process = LocalProcess.of(pid);
        if (process.isPresent() && process.get().ownedByAnotherUser() && !runsAsRoot()) {
            String owner = process.get().user();
            return new CaptureException("no permission to attach to " + label + ": it runs as user " + owner
                    + ", and a JVM lets only its own user (or root) attach; run Heapscope as " + owner, e);
        }
        if (message.contains("Permission denied") || e instanceof SecurityException) {
            return new CaptureException("no permission to attach to " + label + " (" + message + ")", e);
        }
        return new CaptureException("cannot attach to " + label + ": " + message
                + " (is it a HotSpot JVM, and not suspended?)", e);
    }

    static boolean runsAsRoot() {
        return ProcessHandle.current().info().user().map("root"::equals).orElse(false);
    }
}
