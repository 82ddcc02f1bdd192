package heapscope.testing;

import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** A progress listener that keeps the phases announced, in order, for a test to compare. Not thread-safe. */
public final class PhaseRecorder implements ProgressListener {
    private final List<Phase> phases = new ArrayList<>();

    @Override
    public void phaseStarted(Phase phase) {
        phases.add(phase);
    }

    @Override
    public void progress(long done, long total) {
    }

    public List<Phase> phases() {
        return phases;
    }
}
