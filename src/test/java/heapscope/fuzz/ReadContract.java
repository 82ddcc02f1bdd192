package heapscope.fuzz;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassAggregator;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The contract every reader keeps, whatever the bytes: the file opens (with the Summary computed and any warnings as
 * one sentence each), or it is refused with a {@link HeapFileException} whose message is one line starting with the
 * file's name. Anything else is a violation: another exception or error, a message on several lines or without the
 * file's name, more than {@link #TIME_LIMIT_SECONDS} seconds, or allocating far more than the input could justify
 * (a length or count trusted before it was checked). Not thread-safe: one file at a time, on its own worker thread.
 */
public final class ReadContract implements AutoCloseable {
    public static final int TIME_LIMIT_SECONDS = 60;

    /** What one input did. {@code violation} is null when the contract held. */
    public record Outcome(String outcomeClass, String detail, String violation) {
        public boolean held() {
            return violation == null;
        }
    }

    private ExecutorService worker = newWorker();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Writes the input to {@code file} and opens it. */
    public Outcome check(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        long allowed = (256L << 20) + 64L * bytes.length;
        AtomicBoolean canceled = new AtomicBoolean();
        Future<Outcome> running = worker.submit(() -> open(file, allowed, canceled));
        try {
            return running.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            canceled.set(true); // a reader that checks the signal stops; one that does not is left behind
            worker.shutdown();
            worker = newWorker();
            return new Outcome("violation", "hang", "still reading after " + TIME_LIMIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome("violation", e.getCause().toString(), stackTrace(e.getCause()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
        });
    }

    private Outcome open(Path file, long allowedBytes, AtomicBoolean canceled) {
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        Outcome outcome;
        try {
            AnalyzedHeap heap = HeapLoader.load(file, ProgressListener.NO_OP, canceled::get);
            if (ClassAggregator.aggregate(heap, NodeFilter.ALL).isEmpty()) {
                return new Outcome("violation", "no classes", "opened with an empty Summary");
            }
            if (heap.totalSize() < 0) {
                return new Outcome("violation", "negative total", "totalSize " + heap.totalSize());
            }
            var warnings = heap.graph().fileNotes().warnings();
            for (String warning : warnings) {
                if (warning.contains("\n") || warning.isBlank()) {
                    return new Outcome("violation", "warning", "a warning on several lines: " + warning);
                }
            }
            outcome = warnings.isEmpty() ? new Outcome("opened", "", null)
                    : new Outcome("opened with warnings", classify(warnings.get(0)), null);
        } catch (HeapFileException e) {
            String message = e.getMessage();
            String name = file.getFileName() + ": ";
            if (message.contains("\n") || !message.startsWith(name) || message.length() <= name.length()) {
                return new Outcome("violation", message, "not one line naming the file: " + message);
            }
            outcome = new Outcome("refused", classify(e.problem()), null);
        } catch (IOException e) {
            return new Outcome("violation", e.toString(), "an IOException escaped: " + stackTrace(e));
        } catch (Throwable e) {
            return new Outcome("violation", e.toString(), stackTrace(e));
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        if (allocated > allowedBytes) {
            return new Outcome("violation", "allocation", "allocated " + allocated + " bytes for an input that"
                    + " justifies at most " + allowedBytes + " (" + outcome.outcomeClass() + ": " + outcome.detail()
                    + ")");
        }
        return outcome;
    }

    /** The message's kind: its words before the first number, quote or parenthesis. */
    static String classify(String message) {
        String kind = message.split("[0-9\"'(]", 2)[0].strip();
        return kind.length() > 90 ? kind.substring(0, 90) : kind;
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
