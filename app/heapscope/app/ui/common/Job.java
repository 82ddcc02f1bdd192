package heapscope.app.ui.common;

import heapscope.parser.progress.CancelSignal;

/**
 * One piece of background work as the UI sees it: its title (shown in the status bar) and a cancel switch the work
 * checks through {@link CancelSignal}. Thread-safe.
 */
public final class Job implements CancelSignal {
    private final String title;
    private volatile boolean canceled;

    public Job(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Asks the work to stop; its result, if it still arrives, is dropped. */
    public void cancel() {
        canceled = true;
    }

    @Override
    public boolean isCanceled() {
        return canceled;
    }
}
