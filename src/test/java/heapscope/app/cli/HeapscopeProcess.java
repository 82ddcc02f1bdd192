package heapscope.app.cli;

import heapscope.app.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command line run as a user runs it: {@code heapscope ARGS} in a child JVM on the test class path, its stdout
 * read line by line as it comes (so a test can act between two snapshots of a series) and its stdin writable (Enter
 * for the next snapshot). Not thread-safe.
 */
final class HeapscopeProcess implements AutoCloseable {
    private static final long WAIT_SECONDS = 120;
    private final Process process;
    private final BufferedReader stdout;
    private final CompletableFuture<String> stderr;
    private final List<String> lines = new ArrayList<>();

    /** How a run ended. */
    record Result(int exitCode, String out, String err) {
    }

    private HeapscopeProcess(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        stderr = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    static HeapscopeProcess start(String... args) {
        return new HeapscopeProcess(args);
    }

    /** The next line of stdout (waits for it); null at its end. */
    String nextLine() {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String text = line.get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (text != null) {
                lines.add(text);
            }
            return text;
        } catch (Exception e) {
            throw new IllegalStateException("heapscope printed nothing for " + WAIT_SECONDS + " s", e);
        }
    }

    /** Sends a line to stdin (Enter: the next snapshot). */
    void enter() {
        try {
            Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write("\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the end; the result holds all of stdout, the lines read one by one included. */
    Result finish() {
        try {
            StringBuilder rest = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = stdout.read(buffer)) > 0; ) {
                rest.append(buffer, 0, n);
            }
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("heapscope did not end within " + WAIT_SECONDS + " s");
            }
            String read = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
            return new Result(process.exitValue(), read + rest, stderr.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
