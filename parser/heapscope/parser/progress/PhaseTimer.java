package heapscope.parser.progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records the wall time of each phase, for {@code info} and the benchmarks, and forwards every call to another
 * listener. Not thread-safe: it hears one piece of work.
 */
public final class PhaseTimer implements ProgressListener {
    /** A finished (or the last, still running) phase and its wall time. */
    public record PhaseTime(Phase phase, long millis) {
    }

    private final ProgressListener next;
    private final List<PhaseTime> times = new ArrayList<>();
    private Phase current;
    private long startedNanos;

    public PhaseTimer(ProgressListener next) {
        this.next = next;
    }

    @Override
    public void phaseStarted(Phase phase) {
        closeCurrent();
        current = phase;
        startedNanos = System.nanoTime();
        next.phaseStarted(phase);
    }

    @Override
    public void progress(long done, long total) {
        next.progress(done, total);
    }

    /** The phases heard so far with their times; ends the running phase's clock. */
    public List<PhaseTime> finish() {
        closeCurrent();
        return Collections.unmodifiableList(times);
    }

    private void closeCurrent() {
        if (current != null) {
            times.add(new PhaseTime(current, (System.nanoTime() - startedNanos) / 1_000_000));
            current = null;
        }
    }
}
