package heapscope.app.capture;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The snapshot files' side of failures: removing what a failed or canceled snapshot left, and the sentence for a
 * write that failed (a full disk names the folder and what is free). Stateless; touches the file system.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** Removes a partial snapshot; a file that cannot be removed is left (the caller's message already failed). */
    static void deletePartial(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing better to do: the error the user sees is the one that stopped the snapshot.
        }
    }

    /** Whether {@code e} says the disk is full ({@code ENOSPC}; Windows' "not enough space"). */
    static boolean isDiskFull(Throwable e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("no space left") || message.contains("not enough space")
                || message.contains("disk quota exceeded");
    }

    /** The sentence for a snapshot of {@code label} that could not be written to {@code file}; the file is removed. */
    static CaptureException writeFailed(String label, Path file, Throwable e) {
        deletePartial(file);
        Path folder = file.toAbsolutePath().getParent();
        if (isDiskFull(e)) {
            return new CaptureException("the disk holding " + folder + " is full (" + free(folder)
                    + " free): the snapshot of " + label + " did not fit; the partial file was removed", e);
        }
        if (e instanceof AccessDeniedException || String.valueOf(e.getMessage()).contains("Permission denied")) {
            return new CaptureException("cannot write the snapshot of " + label + " to " + folder
                    + ": permission denied (choose another folder)", e);
        }
        return new CaptureException("cannot write the snapshot of " + label + " to " + file + ": " + e.getMessage()
                + "; the partial file was removed", e);
    }

    private static String free(Path folder) {
        try {
            return megabytes(Files.getFileStore(folder).getUsableSpace());
        } catch (IOException e) {
            return "nothing";
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
