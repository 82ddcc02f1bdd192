package heapscope.app.capture;

import java.util.List;
import java.util.Optional;

/**
 * What the operating system says about a local process: its executable, its arguments (without the executable) and
 * its user. Fields are empty when the system does not tell (another user's process on some systems). Immutable; made
 * from {@link ProcessHandle}.
 */
record LocalProcess(long pid, String command, List<String> arguments, String user) {
    static Optional<LocalProcess> of(long pid) {
        return ProcessHandle.of(pid).map(LocalProcess::of);
    }

    static List<LocalProcess> all() {
        return ProcessHandle.allProcesses().map(LocalProcess::of).toList();
    }

    private static LocalProcess of(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        // Another user's executable is hidden (Linux: /proc/PID/exe), its command line is not: take its first word.
        String command = info.command().orElseGet(() -> info.commandLine().map(line -> line.split(" ", 2)[0])
                .orElse(""));
        return new LocalProcess(handle.pid(), command, info.arguments().map(List::of).orElse(List.of()),
                info.user().orElse(""));
    }

    /** The executable's file name without {@code .exe}: {@code java}, {@code node}. */
    String executableName() {
        String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
        return name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }

    boolean isJava() {
        String name = executableName();
        return name.equals("java") || name.equals("javaw");
    }

    boolean isNode() {
        String name = executableName();
        return name.equals("node") || name.equals("nodejs");
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Whether the process is still alive after a moment: one whose connection just broke is usually exiting, so this
     * tells "it exited" from "it hung up". Waits up to two seconds.
     */
    static boolean aliveAfterAMoment(long pid) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (isAlive(pid) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return isAlive(pid);
    }

    /** Whether this process runs as another user than Heapscope (false when either is unknown). */
    boolean ownedByAnotherUser() {
        String self = ProcessHandle.current().info().user().orElse("");
        return !user.isEmpty() && !self.isEmpty() && !user.equals(self);
    }

    /** The process for messages: {@code process 42 (/usr/bin/python3)}. */
    String describe() {
        return "process " + pid + (command.isEmpty() ? "" : " (" + command + ")");
    }
}
