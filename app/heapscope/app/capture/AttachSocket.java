package heapscope.app.capture;

import com.sun.tools.attach.VirtualMachine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs diagnostic commands in a local JVM as {@code jcmd} does: over the JVM's attach listener, a UNIX socket
 * ({@code .java_pid<pid>} in the target's /tmp on Linux, in the temporary folder on macOS). The public attach API
 * ({@code VirtualMachine.attach}) starts the listener and checks that Heapscope may attach; it has no call for
 * diagnostic commands, so the request is written here, in the attach protocol's version 1, which every HotSpot JVM
 * since JDK 6 accepts: {@code "1"}, the operation {@code "jcmd"} and three arguments, each ending in a NUL byte; the
 * reply is the status, a line break and the command's output. Unlike a JMX connection, this runs no Java code in the
 * target, so taking snapshots does not itself make the target's heap grow. Not available on Windows (its attach
 * mechanism is not a socket). Stateless apart from the socket's path; each command opens its own connection and blocks
 * until the command has finished.
 */
final class AttachSocket {
    /** The longest argument protocol version 1 accepts. */
    private static final int ARGUMENT_LIMIT = 1024;
    private static final Pattern JDK_VERSION = Pattern.compile("(?m)^JDK (\\d+)(\\S*)");

    private final Path path;
    private final String label;

    private AttachSocket(Path path, String label) {
        this.path = path;
        this.label = label;
    }

    /** Starts the target's attach listener (if needed) and finds its socket. */
    static AttachSocket open(long pid, String label) throws CaptureException {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            throw new CaptureException("Heapscope cannot dump a JVM's heap on Windows yet: run jcmd " + pid
                    + " GC.heap_dump FILE.hprof and open the file");
        }
        VirtualMachine vm = JvmAttach.attach(pid, label);
        try {
            vm.detach();
        } catch (IOException e) {
            // Detaching only forgets the socket's path on this side.
        }
        for (Path candidate : candidates(pid)) {
            if (Files.exists(candidate)) {
                return new AttachSocket(candidate, label);
            }
        }
        throw new CaptureException("cannot find the attach socket of " + label + " (looked at " + candidates(pid)
                + ")");
    }

    /** Where HotSpot puts the socket: the target's /tmp seen through /proc (a container's), or /tmp; macOS: tmpdir. */
    private static List<Path> candidates(long pid) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return List.of(Path.of(System.getProperty("java.io.tmpdir"), ".java_pid" + pid));
        }
        String name = ".java_pid" + namespacePid(pid);
        return List.of(Path.of("/proc", Long.toString(pid), "root/tmp", name), Path.of("/tmp", name));
    }

    /** The pid the target sees itself as (the last NSpid of /proc/PID/status, for a JVM in a container). */
    private static long namespacePid(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("NSpid:")) {
                    String[] pids = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(pids[pids.length - 1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Old kernels have no NSpid: the pid is the same inside.
        }
        return pid;
    }

    /** The target's Java version from {@code VM.version}: {@code 17.0.15}, {@code 8.0_292}; empty when not told. */
    String javaVersion() throws CaptureException {
        Matcher version = JDK_VERSION.matcher(jcmd("VM.version"));
        return version.find() ? version.group(1) + version.group(2) : "";
    }

    /** The major version of {@link #javaVersion()}: 17, 8; 0 when unknown. */
    static int major(String javaVersion) {
        Matcher digits = Pattern.compile("^(\\d+)").matcher(javaVersion);
        return digits.find() ? Integer.parseInt(digits.group(1)) : 0;
    }

    /** Runs a diagnostic command ({@code GC.heap_dump /tmp/x.hprof}) and returns what it printed. */
    String jcmd(String command) throws CaptureException {
        if (command.getBytes(StandardCharsets.UTF_8).length >= ARGUMENT_LIMIT) {
            throw new CaptureException("the command for " + label + " is too long (" + command.length()
                    + " characters; the attach protocol takes up to " + (ARGUMENT_LIMIT - 1) + "): choose a shorter "
                    + "folder");
        }
        byte[] request = ("1\0jcmd\0" + command + "\0\0\0").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(path));
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (channel.read(in) >= 0) {
                reply.write(in.array(), 0, in.position());
                in.clear();
            }
        } catch (IOException e) {
            throw new CaptureException(label + " closed its attach connection: " + e.getMessage(), e);
        }
        String text = reply.toString(StandardCharsets.UTF_8);
        int lineEnd = text.indexOf('\n');
        String status = lineEnd < 0 ? text.trim() : text.substring(0, lineEnd).trim();
        String output = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
        if (status.isEmpty()) {
            throw new CaptureException(label + " closed its attach connection before answering");
        }
        if (!status.equals("0")) {
            throw new CaptureException(label + " refused the command " + command.split(" ")[0] + ": "
                    + (output.isBlank() ? "status " + status : output.strip()));
        }
        return output;
    }
}
