package heapscope.parser.read.hprof;

import heapscope.parser.read.hprof.fixture.KnownObjectsProgram;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a fixture program ({@link KnownObjectsProgram} unless told otherwise), driven with {@code jcmd}
 * from the same JDK: class histograms and heap dumps. Closing it closes the child's input, which ends it.
 */
final class ChildJvm implements AutoCloseable {
    private final Path javaHome;
    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Path javaHome, Process process) {
        this.javaHome = javaHome;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(Path javaHome, String... jvmOptions) throws Exception {
        return start(javaHome, KnownObjectsProgram.class, jvmOptions);
    }

    /** Starts {@code program} (a main class of the test classes that prints "ready" when quiescent) and waits. */
    static ChildJvm start(Path javaHome, Class<?> program, String... jvmOptions) throws Exception {
        String classes = Path.of(program.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classes, program.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ChildJvm child = new ChildJvm(javaHome, process);
        child.awaitReady();
        child.jcmd("VM.version"); // starts the attach listener thread before anything is measured
        return child;
    }

    /** Sends the program one line (a program that takes steps takes one) and waits until it is ready again. */
    void step() throws Exception {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
        awaitReady();
    }

    private void awaitReady() throws Exception {
        String line = out.readLine();
        if (!"ready".equals(line)) {
            close();
            throw new IllegalStateException("the child said " + line + " instead of ready");
        }
    }

    /** {@code jcmd <pid> GC.class_histogram} output. */
    String classHistogram() throws Exception {
        return jcmd("GC.class_histogram");
    }

    /**
     * Dumps the heap to {@code file} at a quiescent moment: the class histogram right before the dump must equal the
     * one right after (up to four attempts, the last one kept whatever it shows). Returns that histogram.
     */
    ClassHistogram quiescentDump(Path file, String... dumpOptions) throws Exception {
        for (int attempt = 1; ; attempt++) {
            ClassHistogram before = ClassHistogram.parse(classHistogram());
            heapDump(file, dumpOptions);
            ClassHistogram after = ClassHistogram.parse(classHistogram());
            if (before.sameAs(after) || attempt == 4) {
                return before;
            }
            java.nio.file.Files.delete(file);
        }
    }

    /** {@code jcmd <pid> GC.heap_dump [options] file}. */
    void heapDump(Path file, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("GC.heap_dump"));
        args.addAll(List.of(options));
        args.add(file.toString());
        jcmd(args.toArray(new String[0]));
    }

    private String jcmd(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(javaHome.resolve("bin/jcmd").toString(),
                Long.toString(process.pid())));
        args.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
