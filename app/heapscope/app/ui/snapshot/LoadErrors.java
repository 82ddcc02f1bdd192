package heapscope.app.ui.snapshot;

import heapscope.app.FailureSentences;
import java.nio.file.Path;

/**
 * Turns a failure to open a file into the one sentence the error dialog shows: the load thread's wrapper taken off,
 * then worded by {@link FailureSentences}, as the command line words it.
 */
public final class LoadErrors {
    private LoadErrors() {
    }

    public static String sentence(Path file, Throwable error) {
        Throwable cause = error instanceof SnapshotLoading.LoadFailure && error.getCause() != null
                ? error.getCause() : error;
        return FailureSentences.sentence(file, cause);
    }
}
