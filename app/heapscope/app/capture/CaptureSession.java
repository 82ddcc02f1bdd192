package heapscope.app.capture;

import heapscope.parser.progress.CancelSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A series of snapshots of one target into one folder: each {@link #takeNext} takes the next snapshot, numbered from
 * 1 and named by {@link SnapshotFileNames}. A Node.js process whose inspector is closed has it opened before the first
 * snapshot. A V8 target keeps one inspector session for the whole series (see {@link V8Session}: V8 keeps an object's
 * number only while it lasts, and "allocated between" filters compare those numbers): close the capture session when
 * the series is done. The folder is created when missing; files are only ever written there (the target's own working
 * folder is never used: the target gets an absolute path). Used by one thread at a time (one snapshot after the other);
 * {@link #abandon()} may be called from any thread.
 */
public final class CaptureSession implements AutoCloseable {
    private final Path folder;
    private final boolean gzip;
    private volatile CaptureTarget target;
    private volatile Path inProgress;
    private V8Session v8;
    private int taken;

    public CaptureSession(CaptureTarget target, Path folder, boolean gzip) {
        this.target = target;
        this.folder = folder.toAbsolutePath().normalize();
        this.gzip = gzip;
    }

    /** The target, as last seen (with its inspector's address once opened). */
    public CaptureTarget target() {
        return target;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Takes and writes the next snapshot. Blocks until it is written (seconds for small heaps, minutes for large
     * ones). Throws {@link heapscope.parser.progress.CanceledException} when canceled; nothing is left behind then.
     */
    public CapturedSnapshot takeNext(CaptureProgress progress, CancelSignal cancel) throws CaptureException {
        CaptureTarget current = target;
        if (current.problem() != null) {
            throw new CaptureException("cannot take a snapshot of " + current.label() + ": " + current.problem());
        }
        createFolder();
        if (current instanceof InspectorTarget closed && !closed.isOpen()) {
            current = NodeInspectorOpener.open(closed, progress, cancel);
            target = current;
        }
        int number = taken + 1;
        Instant start = Instant.now();
        Path file = SnapshotFileNames.next(folder, current, number, start, gzip);
        long started = System.nanoTime();
        inProgress = file;
        try {
            if (current instanceof JvmTarget jvm) {
                JvmHeapDumper.dump(jvm, file, gzip, progress, cancel);
            } else {
                v8((InspectorTarget) current, progress, cancel).takeSnapshot(file, gzip, progress, cancel);
            }
        } finally {
            inProgress = null;
        }
        taken = number;
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new CapturedSnapshot(number, file, current instanceof JvmTarget ? "hprof" : "v8-heapsnapshot",
                size(file), millis, start);
    }

    /** The series' inspector session, opened on first use and again if it was lost (its object numbers start over). */
    private V8Session v8(InspectorTarget inspector, CaptureProgress progress, CancelSignal cancel)
            throws CaptureException {
        if (v8 == null || !v8.isOpen()) {
            v8 = V8Session.open(inspector, progress, cancel);
        }
        return v8;
    }

    /** Ends the series: closes the inspector session of a V8 target. */
    @Override
    public void close() {
        if (v8 != null) {
            v8.close();
            v8 = null;
        }
    }

    /** Removes a snapshot that was taken but is not wanted (its capture was canceled as it finished). */
    public static void discard(CapturedSnapshot snapshot) {
        OutputFiles.deletePartial(snapshot.file());
    }

    /** Removes the file of a snapshot still being taken, e.g. when the command line is interrupted. */
    public void abandon() {
        Path file = inProgress;
        if (file != null) {
            OutputFiles.deletePartial(file);
        }
    }

    private void createFolder() throws CaptureException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CaptureException("cannot create the folder " + folder + " for the snapshots: " + e.getMessage(),
                    e);
        }
        if (!Files.isWritable(folder)) {
            throw new CaptureException("cannot write snapshots to " + folder + ": permission denied (choose another "
                    + "folder)");
        }
    }

    private static long size(Path file) throws CaptureException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CaptureException("the snapshot " + file + " was written but cannot be read back: "
                    + e.getMessage(), e);
        }
    }
}
