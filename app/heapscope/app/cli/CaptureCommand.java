package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.app.capture.CaptureException;
import heapscope.app.capture.CaptureProgress;
import heapscope.app.capture.CaptureSession;
import heapscope.app.capture.CaptureTarget;
import heapscope.app.capture.CapturedSnapshot;
import heapscope.app.capture.InspectorTarget;
import heapscope.app.capture.LocalTargets;
import heapscope.app.capture.TargetAddress;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.Units;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heapscope capture --list} and {@code heapscope capture TARGET [--count N] [--interval DURATION] [-o DIR]}:
 * lists the local JVMs and V8 inspectors, or takes a series of snapshots of one and prints each file as it is written.
 * Without {@code --interval}, each next snapshot is taken when a line arrives on stdin (Enter, in a terminal). Exit
 * codes: 0 every snapshot was taken; 1 the target cannot be captured (one line on stderr says why; the files taken
 * before are kept and listed); 2 wrong usage.
 */
@Command(name = "capture", description = "Take heap snapshots of a running local JVM or Node.js process, or list them.")
final class CaptureCommand implements Callable<Integer> {
    @Option(names = "--list", description = "List the JVMs and V8 inspectors (Node.js, Chrome) on this machine.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "TARGET",
            description = "A pid, jvm:PID, node:HOST:PORT or an inspector's WebSocket URL (ws://127.0.0.1:9229/...).")
    String target;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Snapshots to take (default 1).")
    int count;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between the starts of two snapshots: 500ms, 30s, 2m, 1h. Without it, each next "
                    + "snapshot is taken when you press Enter.")
    Duration interval;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Folder for the snapshots (default: the working directory); created when missing.")
    Path output;

    @Option(names = "--gzip", description = "Write gzip-compressed files (.hprof.gz, .heapsnapshot.gz).")
    boolean gzip;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--progress", negatable = true,
            description = "Print each step to stderr (default: when run in a terminal).")
    Boolean progress;

    @Spec
    CommandSpec spec;

    /** A target as the JSON shows it; {@code webSocketUrl} is null for JVMs and for inspectors not open yet. */
    record TargetJson(String id, String kind, Long pid, String name, String runtime, String user, String webSocketUrl,
            String problem) {
        static TargetJson of(CaptureTarget t) {
            String url = t instanceof InspectorTarget inspector ? inspector.webSocketUrl() : null;
            return new TargetJson(t.id(), t.kind(), t.pid() > 0 ? t.pid() : null, t.name(), t.runtime(), t.user(),
                    url, t.problem());
        }
    }

    record ListJson(List<TargetJson> targets) {
    }

    record FileJson(int number, String file, String format, long bytes, long millis, String takenAt) {
    }

    record CaptureJson(TargetJson target, String folder, List<FileJson> files, String error) {
    }

    @Override
    public Integer call() {
        if (list == (target != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --list or a TARGET ("
                    + TargetAddress.FORMS + ")");
        }
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        return list ? list() : capture();
    }

    private int list() {
        List<CaptureTarget> targets = LocalTargets.list();
        PrintStream out = System.out;
        if (json) {
            Json.print(new ListJson(targets.stream().map(TargetJson::of).toList()), out);
            return 0;
        }
        if (targets.isEmpty()) {
            out.println("No JVM, Node.js process or V8 inspector found on this machine.");
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TARGET", "PID", "USER", "RUNTIME", "PROGRAM"});
        for (CaptureTarget t : targets) {
            rows.add(new String[] {t.id(), t.pid() > 0 ? Long.toString(t.pid()) : "-", t.user(), t.runtime(),
                t.name() + note(t)});
        }
        printColumns(rows, out);
        out.println();
        out.println("Take snapshots: heapscope capture TARGET [--count N] [--interval 30s] [-o DIR]");
        return 0;
    }

    private static String note(CaptureTarget t) {
        if (t.problem() != null) {
            return "  (cannot be captured: " + t.problem() + ")";
        }
        if (t instanceof InspectorTarget inspector && !inspector.isOpen()) {
            return "  (inspector not open: taking a snapshot opens it with SIGUSR1)";
        }
        return "";
    }

    private static void printColumns(List<String[]> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length - 1; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? row[c] : String.format(Locale.ROOT, "%-" + widths[c] + "s  ",
                        row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private int capture() {
        CaptureTarget resolved;
        try {
            resolved = TargetAddress.resolve(target);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (CaptureException e) {
            System.err.println("heapscope: " + e.getMessage());
            return HeapscopeCommand.EXIT_BAD_INPUT;
        }
        CaptureSession session = new CaptureSession(resolved, output == null ? Path.of("") : output, gzip);
        // Ctrl-C during a snapshot: no partial file stays behind.
        Thread cleanup = new Thread(session::abandon, "heapscope-capture-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<CapturedSnapshot> taken = new ArrayList<>();
        String error = null;
        try {
            takeSeries(session, taken);
        } catch (CaptureException e) {
            error = e.getMessage();
            System.err.println("heapscope: " + error);
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            session.close();
        }
        if (json) {
            Json.print(new CaptureJson(TargetJson.of(session.target()), session.folder().toString(),
                    taken.stream().map(s -> new FileJson(s.number(), s.file().toString(), s.format(), s.bytes(),
                            s.millis(), s.takenAt().toString())).toList(), error), System.out);
        }
        return error == null ? 0 : HeapscopeCommand.EXIT_BAD_INPUT;
    }

    private void takeSeries(CaptureSession session, List<CapturedSnapshot> taken) throws CaptureException {
        boolean showSteps = progress != null ? progress : System.console() != null;
        CaptureProgress steps = showSteps ? new StderrProgress() : CaptureProgress.NONE;
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long lastStart = 0;
        for (int number = 1; number <= count; number++) {
            if (number > 1) {
                waitForNext(number, lastStart, stdin);
            }
            lastStart = System.nanoTime();
            CapturedSnapshot snapshot = session.takeNext(steps, CancelSignal.NEVER);
            taken.add(snapshot);
            if (!json) {
                System.out.println(snapshot.file());
            }
            if (showSteps) {
                System.err.println(String.format(Locale.ROOT, "Snapshot %d of %d: %s bytes in %.1f s", number, count,
                        Units.count(snapshot.bytes()), snapshot.millis() / 1000.0));
            }
        }
    }

    private void waitForNext(int number, long lastStart, BufferedReader stdin) throws CaptureException {
        if (interval != null) {
            long wait = interval.toNanos() - (System.nanoTime() - lastStart);
            try {
                Thread.sleep(Math.max(0, wait / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CaptureException("interrupted before snapshot " + number + " of " + count);
            }
            return;
        }
        System.err.println("Do the action you suspect leaks, then press Enter for snapshot " + number + " of " + count
                + ".");
        try {
            if (stdin.readLine() == null) {
                throw new CaptureException("stdin closed before snapshot " + number + " of " + count
                        + " (give --interval to take a series unattended)");
            }
        } catch (IOException e) {
            throw new CaptureException("cannot read stdin: " + e.getMessage(), e);
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT30S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?").matcher(text);
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                long millis = (long) (amount * switch (unit) {
                    case "ms" -> 1;
                    case "m" -> 60_000;
                    case "h" -> 3_600_000;
                    default -> 1_000;
                });
                return Duration.ofMillis(millis);
            }
            try {
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not a duration: " + value
                        + " (use e.g. 500ms, 30s, 2m, 1h)");
            }
        }
    }
}
