package heapscope.app.ui.snapshot;

import heapscope.app.ui.common.Job;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.view.NodeRows;
import java.nio.file.Path;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One snapshot in the sidebar: its file, its place in the series ("Snapshot 2"), and, once loaded, the analysed heap
 * every view reads. While loading it shows the phase and progress; closing it drops the heap so its memory can be
 * freed. Properties change on the JavaFX thread only.
 */
public final class Snapshot {
    /** Where the snapshot is in its life. */
    public enum State { LOADING, READY, FAILED, CLOSED }

    private final Path file;
    private final String fileName;
    private final long fileSize;
    private final long modifiedMillis;
    private final IntegerProperty number = new SimpleIntegerProperty();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final StringProperty phase = new SimpleStringProperty("Waiting\u2026");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private volatile AnalyzedHeap heap;
    private NodeRows rows;
    private Job job;

    public Snapshot(Path file, String fileName, long fileSize, long modifiedMillis) {
        this.file = file;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.modifiedMillis = modifiedMillis;
    }

    public Path file() {
        return file;
    }

    /** The name shown under the title (for the demo, the resource's name rather than the temp file's). */
    public String fileName() {
        return fileName;
    }

    public long fileSize() {
        return fileSize;
    }

    public long modifiedMillis() {
        return modifiedMillis;
    }

    /** 1-based position in the series. */
    public IntegerProperty numberProperty() {
        return number;
    }

    public int number() {
        return number.get();
    }

    /** "Snapshot 2": the name filters and the Comparison base chooser use. */
    public String title() {
        return "Snapshot " + number.get();
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public boolean isReady() {
        return state.get() == State.READY;
    }

    public StringProperty phaseProperty() {
        return phase;
    }

    /** Progress of the current phase, 0 to 1, or -1 when unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** The analysed heap; null unless {@link #isReady()}. */
    public AnalyzedHeap heap() {
        return heap;
    }

    /** Row maker of the heap; null unless ready. */
    public NodeRows rows() {
        return rows;
    }

    public HeapFormat format() {
        return heap == null ? null : heap.format();
    }

    void loading(Job job) {
        this.job = job;
    }

    /** Stops a running load. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    void loaded(AnalyzedHeap heap, long millis) {
        this.heap = heap;
        this.rows = new NodeRows(heap);
        this.job = null;
        progress.set(1);
        phase.set("Loaded in " + String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0));
        state.set(State.READY);
    }

    void failed(String message) {
        job = null;
        phase.set(message);
        state.set(State.FAILED);
    }

    /** Drops the heap: the views have let go of it by now. */
    void close() {
        cancel();
        heap = null;
        rows = null;
        state.set(State.CLOSED);
    }

    @Override
    public String toString() {
        return title() + " (" + fileName + ")";
    }
}
