package heapscope.app.ui.snapshot;

import heapscope.parser.read.HeapFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns a failure to open a file into the one sentence the error dialog shows. */
public final class LoadErrors {
    private LoadErrors() {
    }

    public static String sentence(Path file, Throwable error) {
        Throwable cause = error instanceof SnapshotLoading.LoadFailure && error.getCause() != null
                ? error.getCause() : error;
        String name = file.getFileName().toString();
        if (cause instanceof HeapFileException) {
            return cause.getMessage();
        }
        if (cause instanceof NoSuchFileException) {
            return name + ": the file does not exist.";
        }
        if (cause instanceof AccessDeniedException) {
            return name + ": the file cannot be read (permission denied).";
        }
        if (cause instanceof OutOfMemoryError) {
            return name + ": not enough memory to open it; start Heapscope with a larger heap (-Xmx).";
        }
        if (cause instanceof java.io.IOException) {
            return name + ": cannot be read: " + cause.getMessage();
        }
        return name + ": could not be opened (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ").";
    }
}
