package heapscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in this JVM as a user would, capturing what it prints. */
public final class CliRunner {
    /** What one run did: its exit code and what it printed on each stream. */
    public record Run(int exitCode, String out, String err) {
        /** stdout's lines. */
        public List<String> lines() {
            return out.lines().toList();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliRunner() {
    }

    /** Runs a command that must succeed and print JSON, and returns the document. */
    public static JsonNode json(String... args) {
        Run run = run(args);
        if (run.exitCode() != 0) {
            throw new AssertionError("exit " + run.exitCode() + ": " + run.err());
        }
        try {
            return JSON.readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = HeapscopeCommand.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
