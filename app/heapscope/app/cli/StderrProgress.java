package heapscope.app.cli;

import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;

/** Prints each phase's label to stderr as it starts; the CLI's progress display. */
final class StderrProgress implements ProgressListener {
    @Override
    public void phaseStarted(Phase phase) {
        System.err.println(phase.label());
    }

    @Override
    public void progress(long done, long total) {
        // A line per phase is enough on a terminal; the desktop app shows the fine-grained progress.
    }
}
