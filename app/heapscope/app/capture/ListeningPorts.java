package heapscope.app.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP ports a process listens on, read from Linux's {@code /proc} (the process's socket inodes in
 * {@code /proc/PID/fd}, matched with the listening sockets of {@code /proc/PID/net/tcp} and {@code tcp6}). How a
 * Node.js process started with {@code --inspect=127.0.0.1:0} is found. Empty on other systems and for processes of
 * other users. Stateless; reads files.
 */
final class ListeningPorts {
    private static final Path PROC = Path.of("/proc");
    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    /** A listening socket: the address it is bound to (text form, e.g. {@code 127.0.0.1}, {@code ::}) and its port. */
    record Socket(String address, int port) {
        /** Reachable through loopback: bound to a loopback address or to all addresses. */
        boolean onLoopback() {
            return Loopback.isLoopback(address) || address.equals("0.0.0.0") || address.equals("::");
        }
    }

    static boolean available() {
        return Files.isDirectory(PROC.resolve("self/fd"));
    }

    static List<Socket> of(long pid) {
        Path process = PROC.resolve(Long.toString(pid));
        Set<String> inodes = socketInodes(process.resolve("fd"));
        List<Socket> sockets = new ArrayList<>();
        if (inodes.isEmpty()) {
            return sockets;
        }
        readTable(process.resolve("net/tcp"), false, inodes, sockets);
        readTable(process.resolve("net/tcp6"), true, inodes, sockets);
        return sockets;
    }

    private static Set<String> socketInodes(Path fds) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring(8, link.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor was closed meanwhile.
                }
            }
        } catch (IOException | SecurityException e) {
            // Not Linux, or another user's process: nothing to read.
        }
        return inodes;
    }

    /** Lines: {@code sl local_address rem_address st ... uid timeout inode ...}; addresses in hex, host byte order. */
    private static void readTable(Path table, boolean ipv6, Set<String> inodes, List<Socket> sockets) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 10 || !fields[3].equals(LISTEN) || !inodes.contains(fields[9])) {
                continue;
            }
            String[] local = fields[1].split(":");
            sockets.add(new Socket(ipv6 ? ipv6(local[0]) : ipv4(local[0]), Integer.parseInt(local[1], 16)));
        }
    }

    /** {@code 0100007F} → {@code 127.0.0.1} (the kernel prints the 32-bit word in little-endian order). */
    static String ipv4(String hex) {
        long word = Long.parseLong(hex, 16);
        return (word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "." + (word >> 24 & 0xff);
    }

    /** Four little-endian 32-bit words; {@code ::1}, {@code ::} and mapped IPv4 addresses in their short forms. */
    static String ipv6(String hex) {
        int[] groups = new int[8];
        for (int word = 0; word < 4; word++) {
            long value = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            long bigEndian = Long.reverseBytes(value) >>> 32;
            groups[word * 2] = (int) (bigEndian >> 16 & 0xffff);
            groups[word * 2 + 1] = (int) (bigEndian & 0xffff);
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 5; i++) {
            zeroPrefix &= groups[i] == 0;
        }
        if (zeroPrefix && groups[5] == 0xffff) {
            // An IPv4 address mapped into IPv6 (::ffff:127.0.0.1).
            return (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
        }
        if (zeroPrefix && groups[5] == 0 && groups[6] == 0 && groups[7] <= 1) {
            return groups[7] == 1 ? "::1" : "::";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            text.append(i == 0 ? "" : ":").append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
