package heapscope.app.ui.common;

import heapscope.parser.progress.CancelSignal;

/**
 * One piece of background work as the UI sees it: its title (shown in the status bar) and a cancel switch the work
 * checks through {@link CancelSignal}. Thread-safe.
 */
public final class Job implements CancelSignal {
    private final String title;
    private final javafx.beans.property.DoubleProperty progress =
            new javafx.beans.property.SimpleDoubleProperty(-1);
    private volatile boolean canceled;

    public Job(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Progress from 0 to 1, or -1 when unknown; changed on the JavaFX thread. */
    public javafx.beans.property.DoubleProperty progressProperty() {
        return progress;
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
