package heapscope.app.capture;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.CanceledException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Takes a V8 heap snapshot as DevTools' Memory panel does: over the inspector's WebSocket, {@code HeapProfiler.enable},
 * {@code HeapProfiler.collectGarbage}, then {@code HeapProfiler.takeHeapSnapshot}, whose JSON arrives as
 * {@code addHeapSnapshotChunk} events that are written to the file as they come (so the snapshot is never held in
 * memory), optionally gzip-compressed. While it waits it watches the target: a process that exited, or an inspector
 * that no longer answers, ends the snapshot. A failure or Cancel removes the partial file. One instance per snapshot,
 * used by one thread (the chunks are written on the WebSocket's thread).
 */
final class V8SnapshotTaker {
    /** Silence after which the inspector's HTTP side is asked whether it is still there. */
    private static final long PROBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long the inspector may stay silent before the snapshot is given up (V8 reports progress while it builds). */
    private static final long SILENCE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final String SNAPSHOT_PARAMS = "{\"reportProgress\":true}";

    private final InspectorTarget target;
    private final CancelSignal cancel;
    private InspectorConnection inspector;
    private long lastProbeNanos = System.nanoTime();

    private V8SnapshotTaker(InspectorTarget target, CancelSignal cancel) {
        this.target = target;
        this.cancel = cancel;
    }

    static void take(InspectorTarget target, Path file, boolean gzip, CaptureProgress progress, CancelSignal cancel)
            throws CaptureException {
        Loopback.require(URI.create(target.webSocketUrl()).getHost(), "the inspector at " + target.webSocketUrl());
        new V8SnapshotTaker(target, cancel).take(file, gzip, progress);
    }

    private void take(Path file, boolean gzip, CaptureProgress progress) throws CaptureException {
        progress.step("Connecting to " + target.label() + "\u2026");
        AtomicLong written = new AtomicLong();
        try (Writer out = writer(file, gzip)) {
            inspector = connect(new ChunkWriter(out, written, progress));
            try {
                await(inspector.send("HeapProfiler.enable", null));
                progress.step("Collecting garbage in " + target.label() + "\u2026");
                await(inspector.send("HeapProfiler.collectGarbage", null));
                progress.step("Taking the heap snapshot of " + target.label() + "\u2026");
                await(inspector.send("HeapProfiler.takeHeapSnapshot", SNAPSHOT_PARAMS));
                inspector.send("HeapProfiler.disable", null);
                inspector.closeNormally();
            } finally {
                inspector.close();
            }
            if (written.get() == 0) {
                throw new CaptureException(target.label() + " sent an empty heap snapshot");
            }
        } catch (CaptureException | RuntimeException e) {
            OutputFiles.deletePartial(file);
            throw e;
        } catch (IOException e) {
            throw OutputFiles.writeFailed(target.label(), file, e);
        }
    }

    private static Writer writer(Path file, boolean gzip) throws IOException {
        OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (gzip) {
            stream = new GZIPOutputStream(stream, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    private InspectorConnection connect(ChunkWriter chunks) throws CaptureException {
        try {
            return InspectorConnection.open(URI.create(target.webSocketUrl()), chunks);
        } catch (IOException e) {
            String why = target.pid() > 0 && !LocalProcess.isAlive(target.pid()) ? " (it is not running any more)"
                    : " (" + e.getMessage() + "; did the process exit?)";
            throw new CaptureException("cannot connect to the inspector of " + target.label() + " at "
                    + target.webSocketUrl() + why, e);
        }
    }

    /** Waits for a response, watching Cancel, the file's writes and whether the target is still there. */
    private InspectorJson.Message await(CompletableFuture<InspectorJson.Message> response)
            throws CaptureException, IOException {
        while (true) {
            cancel.throwIfCanceled();
            try {
                InspectorJson.Message message = response.get(100, TimeUnit.MILLISECONDS);
                if (message.error() != null) {
                    throw new CaptureException(target.label() + " could not take the snapshot: " + message.error());
                }
                return message;
            } catch (TimeoutException e) {
                checkStillThere();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CanceledException();
            } catch (ExecutionException e) {
                throw ended();
            }
        }
    }

    private void checkStillThere() throws CaptureException {
        if (target.pid() > 0 && !LocalProcess.isAlive(target.pid())) {
            throw gone(true);
        }
        long now = System.nanoTime();
        long silent = now - inspector.lastMessageNanos();
        if (silent > PROBE_AFTER_NANOS && now - lastProbeNanos > PROBE_AFTER_NANOS) {
            lastProbeNanos = now;
            try {
                InspectorHttp.version(target.host(), target.port());
            } catch (IOException e) {
                throw gone(false);
            }
        }
        if (silent > SILENCE_LIMIT_NANOS) {
            throw new CaptureException(target.label() + " stopped answering for "
                    + TimeUnit.NANOSECONDS.toSeconds(SILENCE_LIMIT_NANOS) + " s while taking the snapshot; the partial"
                    + " file was removed");
        }
    }

    /** Why the session ended before the answer: the file could not be written, or the target went away. */
    private CaptureException ended() throws IOException {
        try {
            inspector.closed().getNow(null);
        } catch (Exception e) {
            if (e.getCause() instanceof ChunkWriter.WriteFailed failed) {
                throw (IOException) failed.getCause();
            }
        }
        return gone(target.pid() > 0 && !LocalProcess.aliveAfterAMoment(target.pid()));
    }

    private CaptureException gone(boolean exited) {
        return new CaptureException(target.label() + (exited ? " exited" : " closed its inspector")
                + " while its heap snapshot was being taken; the partial file was removed");
    }

    /**
     * Writes each chunk as it arrives and reports the snapshot's progress: V8's build steps, then the characters written
     * (the snapshot's JSON is nearly all ASCII, so about its bytes).
     */
    private static final class ChunkWriter implements InspectorConnection.EventHandler {
        /** A write to the snapshot file failed; the cause is the IOException. */
        static final class WriteFailed extends IOException {
            WriteFailed(IOException cause) {
                super(cause.getMessage(), cause);
            }
        }

        private final Writer out;
        private final AtomicLong written;
        private final CaptureProgress progress;
        private boolean writing;

        ChunkWriter(Writer out, AtomicLong written, CaptureProgress progress) {
            this.out = out;
            this.written = written;
            this.progress = progress;
        }

        @Override
        public void event(InspectorJson.Message event) throws IOException {
            if ("HeapProfiler.addHeapSnapshotChunk".equals(event.method()) && event.chunk() != null) {
                if (!writing) {
                    writing = true;
                    progress.step("Writing the heap snapshot\u2026");
                }
                try {
                    out.write(event.chunk());
                } catch (IOException e) {
                    throw new WriteFailed(e);
                }
                progress.progress(written.addAndGet(event.chunk().length()), 0);
            } else if ("HeapProfiler.reportHeapSnapshotProgress".equals(event.method()) && !writing) {
                progress.progress(event.done(), event.total());
            }
        }
    }
}
