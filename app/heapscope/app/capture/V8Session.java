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
import java.util.zip.GZIPOutputStream;

/**
 * One DevTools-protocol session with a V8 target, kept open for a whole series, and the snapshots taken in it as
 * DevTools' Memory panel takes them: {@code HeapProfiler.enable} once, then per snapshot
 * {@code HeapProfiler.collectGarbage} and {@code HeapProfiler.takeHeapSnapshot}, whose JSON arrives as
 * {@code addHeapSnapshotChunk} events written to the file as they come (never held in memory), optionally gzipped.
 *
 * <p>Why one session: V8 numbers objects for snapshots, and the numbers are what "Objects allocated between Snapshot 1
 * and Snapshot 2" compares. They stay the same for an object only while a heap profiler session is open: closing one
 * ({@code HeapProfiler.disable}) clears them, and the next snapshot numbers every object afresh. So a canceled snapshot
 * does not close the session either: its remaining chunks are dropped, and the next snapshot waits for it to end.
 *
 * <p>While it waits, it watches the target: a process that exited, or an inspector that no longer answers, ends the
 * snapshot. A failure or Cancel removes the partial file. Used by one thread at a time (the chunks are written on the
 * WebSocket's thread).
 */
final class V8Session implements AutoCloseable {
    /** Silence after which the inspector's HTTP side is asked whether it is still there. */
    private static final long PROBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long the inspector may stay silent before the snapshot is given up (V8 reports progress while it builds). */
    private static final long SILENCE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final String SNAPSHOT_PARAMS = "{\"reportProgress\":true}";

    private final InspectorTarget target;
    private InspectorConnection inspector;
    /** Where the chunks of the snapshot being taken go; null between snapshots (chunks are then dropped). */
    private volatile ChunkSink sink;
    /** The response of a command whose wait was canceled: the next snapshot waits for it first. */
    private CompletableFuture<InspectorJson.Message> unfinished;
    private long lastProbeNanos = System.nanoTime();

    private V8Session(InspectorTarget target) {
        this.target = target;
    }

    /** Connects to the target's inspector and enables its heap profiler. */
    static V8Session open(InspectorTarget target, CaptureProgress progress, CancelSignal cancel)
            throws CaptureException {
        Loopback.require(URI.create(target.webSocketUrl()).getHost(), "the inspector at " + target.webSocketUrl());
        progress.step("Connecting to " + target.label() + "\u2026");
        V8Session session = new V8Session(target);
        try {
            session.inspector = InspectorConnection.open(URI.create(target.webSocketUrl()), session::event);
        } catch (IOException e) {
            String why = target.pid() > 0 && !LocalProcess.isAlive(target.pid()) ? " (it is not running any more)"
                    : " (" + e.getMessage() + "; did the process exit?)";
            throw new CaptureException("cannot connect to the inspector of " + target.label() + " at "
                    + target.webSocketUrl() + why, e);
        }
        try {
            session.await(session.inspector.send("HeapProfiler.enable", null), cancel);
        } catch (CaptureException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** Whether the session can take another snapshot (the connection is still up). */
    boolean isOpen() {
        return !inspector.closed().isDone();
    }

    /** Takes a snapshot into {@code file} (created; it must not exist). */
    void takeSnapshot(Path file, boolean gzip, CaptureProgress progress, CancelSignal cancel) throws CaptureException {
        if (unfinished != null) {
            progress.step("Waiting for the canceled snapshot of " + target.label() + " to end\u2026");
            await(unfinished, cancel);
            unfinished = null;
        }
        try (Writer out = writer(file, gzip)) {
            ChunkSink chunks = new ChunkSink(file, out, progress);
            sink = chunks;
            try {
                progress.step("Collecting garbage in " + target.label() + "\u2026");
                await(inspector.send("HeapProfiler.collectGarbage", null), cancel);
                progress.step("Taking the heap snapshot of " + target.label() + "\u2026");
                await(inspector.send("HeapProfiler.takeHeapSnapshot", SNAPSHOT_PARAMS), cancel);
            } finally {
                sink = null;
            }
            if (chunks.written == 0) {
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

    /** Hears the protocol's events on the WebSocket's thread: the snapshot's chunks and progress. */
    private void event(InspectorJson.Message event) {
        ChunkSink chunks = sink;
        if (chunks == null) {
            return; // the rest of a canceled snapshot
        }
        if ("HeapProfiler.addHeapSnapshotChunk".equals(event.method()) && event.chunk() != null) {
            chunks.write(event.chunk());
        } else if ("HeapProfiler.reportHeapSnapshotProgress".equals(event.method())) {
            chunks.building(event.done(), event.total());
        }
    }

    /**
     * Waits for a response, watching Cancel, the file's writes and whether the target is still there. A canceled or
     * failed wait leaves the response to the next snapshot, which waits for it first.
     */
    private InspectorJson.Message await(CompletableFuture<InspectorJson.Message> response, CancelSignal cancel)
            throws CaptureException {
        while (true) {
            try {
                if (cancel.isCanceled()) {
                    throw new CanceledException();
                }
                ChunkSink chunks = sink;
                if (chunks != null && chunks.failure != null) {
                    unfinished = response;
                    throw OutputFiles.writeFailed(target.label(), chunks.file, chunks.failure);
                }
                InspectorJson.Message message = response.get(100, TimeUnit.MILLISECONDS);
                if (message.error() != null) {
                    throw new CaptureException(target.label() + " could not take the snapshot: " + message.error());
                }
                return message;
            } catch (TimeoutException e) {
                checkStillThere();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unfinished = response;
                throw new CanceledException();
            } catch (ExecutionException e) {
                throw gone(target.pid() > 0 && !LocalProcess.aliveAfterAMoment(target.pid()));
            } catch (CanceledException e) {
                unfinished = response;
                throw e;
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

    private CaptureException gone(boolean exited) {
        close();
        return new CaptureException(target.label() + (exited ? " exited" : " closed its inspector")
                + " while its heap snapshot was being taken; the partial file was removed");
    }

    /** Ends the session (V8 then forgets its object numbering). */
    @Override
    public void close() {
        if (inspector != null) {
            inspector.close();
        }
    }

    /**
     * The file of the snapshot being taken: each chunk is written as it arrives. A write that fails is kept (the
     * taking thread reports it) and the rest of the snapshot is dropped, so the session stays usable. Progress: V8's
     * build steps, then the characters written (the JSON is nearly all ASCII, so about its bytes).
     */
    private static final class ChunkSink {
        private final Path file;
        private final Writer out;
        private final CaptureProgress progress;
        private volatile long written;
        private volatile IOException failure;

        ChunkSink(Path file, Writer out, CaptureProgress progress) {
            this.file = file;
            this.out = out;
            this.progress = progress;
        }

        void write(String chunk) {
            if (failure != null) {
                return;
            }
            if (written == 0) {
                progress.step("Writing the heap snapshot\u2026");
            }
            try {
                out.write(chunk);
                written += chunk.length();
                progress.progress(written, 0);
            } catch (IOException e) {
                failure = e;
            }
        }

        void building(long done, long total) {
            if (written == 0) {
                progress.progress(done, total);
            }
        }
    }
}
