package heapscope.app.capture;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The local JVMs, as {@code jcmd -l} lists them (the attach mechanism's list, which Heapscope's own JVM is left out
 * of), each with its Java version ({@code jcmd VM.version} over {@link AttachSocket}). Java processes the mechanism
 * does not list are added with the reason they cannot be dumped (started with {@code -XX:+DisableAttachMechanism},
 * another user's). Stateless; attaches to every listed JVM (as VisualVM does), in parallel, waiting at most a few
 * seconds in all.
 */
final class JvmDiscovery {
    private static final long VERSION_WAIT_MILLIS = 5_000;
    private static final String SOURCE_LAUNCHER = "jdk.compiler/com.sun.tools.javac.launcher.Main";

    private JvmDiscovery() {
    }

    static List<JvmTarget> list() {
        long self = ProcessHandle.current().pid();
        List<VirtualMachineDescriptor> listed = VirtualMachine.list().stream()
                .filter(d -> !d.id().equals(Long.toString(self))).toList();
        ExecutorService attachers = Executors.newFixedThreadPool(Math.max(1, Math.min(4, listed.size())), r -> {
            Thread thread = new Thread(r, "heapscope-list-jvms");
            thread.setDaemon(true);
            return thread;
        });
        List<CompletableFuture<JvmTarget>> answers = new ArrayList<>();
        try {
            for (VirtualMachineDescriptor descriptor : listed) {
                answers.add(CompletableFuture.supplyAsync(() -> withVersion(descriptor), attachers));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(VERSION_WAIT_MILLIS);
            List<JvmTarget> targets = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < listed.size(); i++) {
                JvmTarget plain = plain(listed.get(i));
                seen.add(plain.pid());
                long left = Math.max(0, deadline - System.nanoTime());
                try {
                    targets.add(answers.get(i).get(left, TimeUnit.NANOSECONDS));
                } catch (Exception e) {
                    targets.add(plain); // no answer in time: listed without its version
                }
            }
            for (LocalProcess process : LocalProcess.all()) {
                if (process.isJava() && process.pid() != self && !seen.contains(process.pid())) {
                    targets.add(unlisted(process));
                }
            }
            return targets;
        } finally {
            attachers.shutdownNow();
        }
    }

    /** The JVM with this pid, with its version, when the attach mechanism lists it. */
    static Optional<JvmTarget> listed(long pid) {
        return VirtualMachine.list().stream().filter(d -> d.id().equals(Long.toString(pid))).findFirst()
                .map(JvmDiscovery::withVersion);
    }

    /** A Java process the attach mechanism does not list, with the reason. */
    static JvmTarget unlisted(LocalProcess process) {
        String problem;
        if (process.arguments().contains("-XX:+DisableAttachMechanism")) {
            problem = "it was started with -XX:+DisableAttachMechanism and refuses to be attached to (restart it "
                    + "without that option)";
        } else if (process.ownedByAnotherUser() && !JvmAttach.runsAsRoot()) {
            problem = "it runs as user " + process.user() + ", and a JVM lets only its own user (or root) attach; run "
                    + "Heapscope as " + process.user();
        } else {
            problem = "the attach mechanism does not see it (started with -XX:+DisableAttachMechanism or "
                    + "-XX:-UsePerfData, or in another container)";
        }
        return new JvmTarget(process.pid(), mainClass(process.arguments()), "", process.user(), problem);
    }

    private static JvmTarget plain(VirtualMachineDescriptor descriptor) {
        long pid = Long.parseLong(descriptor.id());
        String user = LocalProcess.of(pid).map(LocalProcess::user).orElse("");
        return new JvmTarget(pid, program(descriptor.displayName()), "", user, null);
    }

    private static JvmTarget withVersion(VirtualMachineDescriptor descriptor) {
        JvmTarget plain = plain(descriptor);
        try {
            String version = AttachSocket.open(plain.pid(), plain.label()).javaVersion();
            return new JvmTarget(plain.pid(), plain.name(), version.isEmpty() ? "" : "Java " + version, plain.user(),
                    null);
        } catch (CaptureException e) {
            return new JvmTarget(plain.pid(), plain.name(), "", plain.user(), e.getMessage());
        }
    }

    /** The main class or jar of {@code jcmd -l}'s display name (its first word; for {@code java X.java}, X.java). */
    static String program(String displayName) {
        String[] words = displayName.trim().split("\\s+");
        if (words.length > 1 && words[0].equals(SOURCE_LAUNCHER)) {
            return words[1];
        }
        return words[0];
    }

    /** The main class, jar or module of a {@code java} command line. */
    static String mainClass(List<String> arguments) {
        Set<String> withValue = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--add-modules",
                "--add-opens", "--add-exports", "--add-reads", "--patch-module", "--upgrade-module-path");
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("-jar") || argument.equals("-m") || argument.equals("--module")) {
                return i + 1 < arguments.size() ? arguments.get(i + 1) : "";
            }
            if (withValue.contains(argument)) {
                i++;
            } else if (!argument.startsWith("-")) {
                return argument;
            }
        }
        return "";
    }
}
