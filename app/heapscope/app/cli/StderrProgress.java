package heapscope.app.cli;

import heapscope.app.capture.CaptureProgress;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;

/**
 * The CLI's progress display: prints to stderr the label of each phase of opening a heap and the text of each step of
 * taking a snapshot, one line as each starts. The engine names its phases from a fixed list and capture names its
 * steps with the target in them, so they come through two listener types; a terminal shows both the same way.
 */
final class StderrProgress implements ProgressListener, CaptureProgress {
    @Override
    public void phaseStarted(Phase phase) {
        System.err.println(phase.label());
    }

    @Override
    public void step(String text) {
        System.err.println(text);
    }

    @Override
    public void progress(long done, long total) {
        // A line per phase or step is enough on a terminal; the desktop app shows the fine-grained progress.
    }
}
