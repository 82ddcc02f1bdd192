package heapscope.parser.analysis.matching;

import heapscope.parser.progress.CancelSignal;

/**
 * A cancel signal that fires once it has been looked at {@code budget} times: a run that goes round a loop for ever
 * (the matcher looks at the signal in its loops) ends in a {@link heapscope.parser.progress.CanceledException}
 * instead of hanging. It counts, it does not time, so a slow machine changes nothing. Not thread-safe.
 */
final class CountedCancel implements CancelSignal {
    private final int budget;
    private int checks;

    CountedCancel(int budget) {
        this.budget = budget;
    }

    @Override
    public boolean isCanceled() {
        return ++checks > budget;
    }

    /** How many times the signal was looked at. */
    int checks() {
        return checks;
    }
}
