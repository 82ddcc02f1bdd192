package heapscope.testing;

import heapscope.app.capture.programs.GrowingSessionsService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real program running as a capture target: the Node.js program src/test/scripts/capture/growing-closure.js (a
 * growing array behind a closure) or the Java program {@link GrowingSessionsService} (a growing static map), in a
 * child process. {@link #grow} makes it handle requests (the leak grows by exactly that many objects); a Node.js
 * inspector's address is read from the "Debugger listening on" line Node prints on stderr, so tests use no fixed
 * port. Closing ends the child (its stdin closes; it is killed if it does not exit). Not thread-safe.
 */
public final class LiveTarget implements AutoCloseable {
    public static final String LEAKY_NODE_CLASS = "LeakyRecord";
    public static final String LEAKY_JAVA_CLASS = GrowingSessionsService.class.getName() + "$Session";
    private static final Path NODE_PROGRAM = Path.of("src/test/scripts/capture/growing-closure.js");
    private static final Pattern LISTENING = Pattern.compile("Debugger listening on (ws://\\S+)");
    private static final long WAIT_SECONDS = 60;

    private final Process process;
    private final BufferedReader stdout;
    private final Writer stdin;
    private final CompletableFuture<String> webSocketUrl = new CompletableFuture<>();
    private final StringBuffer stderr = new StringBuffer();

    private LiveTarget(List<String> command) {
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread errors = new Thread(this::readStderr, "live-target-stderr");
        errors.setDaemon(true);
        errors.start();
        String ready = readLine();
        if (!"ready".equals(ready)) {
            close();
            throw new IllegalStateException("the target said " + ready + " instead of ready; stderr: " + stderr);
        }
    }

    /** {@code node NODE_OPTIONS... growing-closure.js PROGRAM_ARGS...}. */
    public static LiveTarget node(List<String> nodeOptions, String... programArgs) {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(nodeOptions);
        command.add(NODE_PROGRAM.toString());
        command.addAll(List.of(programArgs));
        return new LiveTarget(command);
    }

    /** {@code java JVM_OPTIONS... GrowingSessionsService PROGRAM_ARGS...}, on this JDK. */
    public static LiveTarget jvm(List<String> jvmOptions, String... programArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classes(), GrowingSessionsService.class.getName()));
        command.addAll(List.of(programArgs));
        return new LiveTarget(command);
    }

    private static String classes() {
        try {
            return Path.of(GrowingSessionsService.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The inspector's WebSocket URL from Node's stderr; waits for it. */
    public String webSocketUrl() {
        try {
            return webSocketUrl.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no inspector address on the target's stderr: " + stderr, e);
        }
    }

    public int inspectorPort() {
        return java.net.URI.create(webSocketUrl()).getPort();
    }

    /** Handles {@code requests} requests (each leaks one object); returns how many the leak holds now. */
    public int grow(int requests) {
        try {
            stdin.write("grow " + requests + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String answer = readLine();
        if (answer == null || !answer.startsWith("grew ")) {
            throw new IllegalStateException("the target answered " + answer + "; stderr: " + stderr);
        }
        return Integer.parseInt(answer.substring(5).trim());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the target at once (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the target printed on stderr so far. */
    public String stderr() {
        return stderr.toString();
    }

    private String readLine() {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return line.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the target did not answer within " + WAIT_SECONDS + " s; stderr: "
                    + stderr, e);
        }
    }

    private void readStderr() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                stderr.append(line).append('\n');
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    webSocketUrl.complete(listening.group(1));
                }
            }
        } catch (IOException e) {
            // The target ended.
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
