package heapscope.app.ui.statistics;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.HeapStatistics;
import java.util.List;

/**
 * Statistics: where the heap's bytes go, as the engine's {@link HeapStatistics} sorts them (DevTools' pie chart):
 * code, strings, JS arrays, typed arrays, system objects, other JS objects and other native objects, out of the heap
 * total.
 */
public final class StatisticsViewModel {
    /** One slice of the pie. */
    public record Slice(String name, long bytes, String description) {
    }

    private final MainWindowViewModel main;

    public StatisticsViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    public static List<Slice> slices(HeapStatistics s) {
        return List.of(
                new Slice("Code", s.code(), "Compiled code and bytecode"),
                new Slice("Strings", s.strings(), "Strings, concatenated and sliced strings"),
                new Slice("JS arrays", s.jsArrays(), "Arrays with their element stores"),
                new Slice("Typed arrays", s.typedArrays(), "Backing stores of ArrayBuffers and typed arrays"),
                new Slice("System objects", s.system(), "V8's hidden objects and what only the system reaches"),
                new Slice("Other JS objects", s.otherJsObjects(), "Every other object of the JavaScript heap"),
                new Slice("Other native objects", s.otherNativeObjects(),
                        "Native (embedder) memory that is not a typed array"));
    }

    /** The slices of a ready snapshot; empty otherwise. */
    public List<Slice> slices(Snapshot snapshot) {
        return snapshot == null || !snapshot.isReady() ? List.of() : slices(snapshot.heap().statistics());
    }
}
