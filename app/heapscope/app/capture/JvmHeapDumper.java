package heapscope.app.capture;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.CanceledException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Dumps a local JVM's heap with {@code jcmd PID GC.heap_dump FILE}: live objects only, after a full GC, written by
 * the target itself (as its own user) to an absolute path Heapscope chose; {@code -gz=1} for a compressed dump (JDK 15
 * and later: one gzip member per MiB, which Heapscope reads without inflating the whole file). The command goes over
 * the attach listener ({@link AttachSocket}), so the target runs no extra Java code and its heap does not grow from
 * being dumped. Progress is the file's growth. A failure removes the partial file; Cancel returns at once and the file
 * is removed when the target has finished writing it (a JVM cannot stop a dump it has begun). Stateless; talks to the
 * target and watches the file.
 */
final class JvmHeapDumper {
    private static final String CREATED = "Heap dump file created";
    private static final int FIRST_GZIP_JDK = 15;

    private JvmHeapDumper() {
    }

    /** Writes the dump to {@code file}: a {@code .hprof}, or a {@code .hprof.gz} when {@code gzip}. */
    static void dump(JvmTarget target, Path file, boolean gzip, CaptureProgress progress, CancelSignal cancel)
            throws CaptureException {
        progress.step("Attaching to " + target.label() + "\u2026");
        AttachSocket socket = AttachSocket.open(target.pid(), target.label());
        if (gzip) {
            String version = socket.javaVersion();
            if (AttachSocket.major(version) < FIRST_GZIP_JDK) {
                throw new CaptureException(target.label() + " runs Java " + version + ", which cannot compress its "
                        + "dumps (Java 15 and later can): take the snapshot without gzip");
            }
        }
        if (file.toString().contains("\"")) {
            throw new CaptureException("the folder " + file.getParent() + " has a double quote in its name, which a "
                    + "JVM cannot be given: choose another folder");
        }
        String command = "GC.heap_dump " + (gzip ? "-gz=1 " : "") + "\"" + file.toAbsolutePath() + "\"";
        progress.step("Dumping the heap of " + target.label() + " (live objects, after a full GC)\u2026");
        CompletableFuture<String> dump = run(socket, command);
        while (true) {
            if (cancel.isCanceled()) {
                dump.whenComplete((output, error) -> OutputFiles.deletePartial(file));
                throw new CanceledException();
            }
            try {
                String output = dump.get(200, TimeUnit.MILLISECONDS);
                if (!output.contains(CREATED)) {
                    throw failure(target, file, lastLine(output));
                }
                return;
            } catch (TimeoutException e) {
                progress.progress(size(file), 0);
            } catch (ExecutionException e) {
                throw failure(target, file, e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dump.whenComplete((output, error) -> OutputFiles.deletePartial(file));
                throw new CanceledException();
            }
        }
    }

    /** Runs the command on a thread of its own: it blocks until the target has written the whole file. */
    private static CompletableFuture<String> run(AttachSocket socket, String command) {
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread call = new Thread(() -> {
            try {
                output.complete(socket.jcmd(command));
            } catch (CaptureException | RuntimeException e) {
                output.completeExceptionally(e);
            }
        }, "heapscope-jvm-dump");
        call.setDaemon(true);
        call.start();
        return output;
    }

    /** The sentence for a dump that failed with {@code why} (the target's own words); the partial file is removed. */
    private static CaptureException failure(JvmTarget target, Path file, String why) {
        if (!LocalProcess.aliveAfterAMoment(target.pid())) {
            OutputFiles.deletePartial(file);
            return new CaptureException(target.label() + " exited while its heap was being dumped; the partial file"
                    + " was removed");
        }
        IOException written = new IOException(why);
        if (OutputFiles.isDiskFull(written)) {
            return OutputFiles.writeFailed(target.label(), file, written);
        }
        OutputFiles.deletePartial(file);
        if (why.contains("Permission denied")) {
            String user = target.user().isEmpty() ? "its own user" : "user " + target.user();
            return new CaptureException(target.label() + " cannot write its dump to " + file.getParent()
                    + ": permission denied (the JVM writes the file itself, as " + user + ": choose a folder it can"
                    + " write to)");
        }
        return new CaptureException(target.label() + " could not dump its heap: " + why);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
