package heapscope.app.ui.suspects;

import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.ProblemSuspects;
import heapscope.parser.model.ProblemSuspect;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.view.NodeRows;
import heapscope.parser.view.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Leak Suspects: Eclipse MAT's single-dump report over the engine's {@link ProblemSuspects}, for a user with one Java
 * dump: the objects or classes that alone keep a tenth of the heap or more alive, where their bytes gather, and the
 * way a GC root holds them. Computed once per heap.
 */
public final class SuspectsViewModel {
    private final MainWindowViewModel main;
    private final Map<Object, List<ProblemSuspect>> found = new WeakHashMap<>();

    public SuspectsViewModel(MainWindowViewModel main) {
        this.main = main;
    }

    public MainWindowViewModel main() {
        return main;
    }

    /** The suspects of a ready snapshot, computed the first time. Runs in the background. */
    public List<ProblemSuspect> suspects(Snapshot snapshot, CancelSignal cancel) {
        synchronized (found) {
            List<ProblemSuspect> known = found.get(snapshot.heap());
            if (known != null) {
                return known;
            }
        }
        List<ProblemSuspect> suspects = ProblemSuspects.find(snapshot.heap(), cancel);
        synchronized (found) {
            found.put(snapshot.heap(), suspects);
        }
        return suspects;
    }

    /** The suspect's title, as MAT words it: {@code class GrowingStaticMap} or {@code 20 × Widget}. */
    public static String title(ProblemSuspect suspect) {
        return suspect.kind() == ProblemSuspect.Kind.OBJECT ? suspect.name()
                : Units.count(suspect.instances()) + " \u00d7 " + suspect.name();
    }

    /** What the suspect is and keeps, in a few sentences. */
    public static String description(Snapshot snapshot, ProblemSuspect suspect) {
        NodeRows rows = snapshot.rows();
        long total = snapshot.heap().totalSize();
        String size = Units.count(suspect.retainedSize()) + " bytes (" + Units.percent(suspect.retainedSize(), total)
                + " of the heap)";
        StringBuilder text = new StringBuilder();
        if (suspect.kind() == ProblemSuspect.Kind.OBJECT && suspect.heldBy().startsWith("loaded by ")) {
            text.append("The ").append(rows.row(suspect.node()).label()).append(", ").append(suspect.heldBy())
                    .append(", keeps ").append(size).append(" alive through its static fields.");
        } else if (suspect.kind() == ProblemSuspect.Kind.OBJECT) {
            text.append("One object, ").append(rows.row(suspect.node()).label()).append(", keeps ").append(size)
                    .append(" alive. It is held by ").append(suspect.heldBy()).append('.');
        } else {
            text.append(Units.count(suspect.instances())).append(" objects of class ").append(suspect.name())
                    .append(", each held by the GC roots alone, keep ").append(size)
                    .append(" alive together. The largest, ").append(rows.row(suspect.node()).label())
                    .append(", is held by ").append(suspect.heldBy()).append('.');
        }
        if (suspect.accumulationPoint() >= 0 && suspect.accumulationPoint() != suspect.node()) {
            text.append("\nThe memory accumulates in ").append(rows.row(suspect.accumulationPoint()).label());
            if (!suspect.accumulationVia().isEmpty()) {
                text.append(", reached through ").append(suspect.accumulationVia());
            }
            text.append('.');
        }
        if (!suspect.accumulated().isEmpty()) {
            List<String> shares = new ArrayList<>();
            for (ProblemSuspect.ClassShare share : suspect.accumulated()) {
                shares.add(Units.count(share.count()) + " \u00d7 " + share.className() + " ("
                        + Units.bytes(share.retainedSize()) + ")");
            }
            text.append(" It keeps ").append(String.join(", ", shares)).append('.');
        }
        return text.toString();
    }

    /** The shortest path from a GC root to the suspect, root first, one reference a line. */
    public static List<String> pathFromRoot(Snapshot snapshot, ProblemSuspect suspect) {
        NodeRows rows = snapshot.rows();
        List<String> lines = new ArrayList<>();
        List<RetainerEdge> steps = suspect.path().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            RetainerEdge step = steps.get(i);
            lines.add(rows.retaining(step.retainerNode(), step.edgeIndex()).label());
        }
        lines.add(rows.row(suspect.node()).label());
        return lines;
    }
}
