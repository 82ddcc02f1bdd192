package heapscope.app.ui.main;

import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.Job;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.matching.Lineage;
import heapscope.parser.analysis.matching.ObjectMatcher;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.ObjectBirths;
import heapscope.parser.progress.CanceledException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each object of the open Java dumps first appeared, so that "Objects allocated between Snapshot i and Snapshot
 * j" works on them: for a series whose first snapshots are loaded Java dumps, each is matched to the one before it by
 * the engine ({@link ObjectMatcher}, in the background, one pair at a time) and its births follow from the births of
 * the one before ({@link Lineage}). A snapshot's births hold for the snapshots before it in the order they had when
 * they were matched: reordering or closing one matches again from there. One byte per object of each dump. Use on the
 * JavaFX thread.
 */
final class SeriesBirths {
    /** A snapshot's births and the heaps, in series order, they were matched through. */
    private record Entry(List<AnalyzedHeap> chain, ObjectBirths births) {
    }

    private final Background background;
    private final List<Snapshot> series;
    private final Runnable changed;
    private final Map<Snapshot, Entry> entries = new IdentityHashMap<>();
    private Job job;
    /** The snapshots the running job matches, in order. */
    private List<Snapshot> matching = List.of();

    /** {@code series} is the live series; {@code changed} runs when births arrive (the filter choices may grow). */
    SeriesBirths(Background background, List<Snapshot> series, Runnable changed) {
        this.background = background;
        this.series = series;
        this.changed = changed;
    }

    /** Whether a pair of dumps is being matched now. */
    boolean isMatching() {
        return job != null;
    }

    /** The births of {@code viewed} in this series, or null when they are not known (yet). */
    ObjectBirths of(List<Snapshot> series, Snapshot viewed) {
        Entry entry = entries.get(viewed);
        int k = series.indexOf(viewed) + 1;
        return entry != null && k > 0 && entry.chain().equals(chain(series, k)) ? entry.births() : null;
    }

    /** Matches what the series needs and was not matched yet (after a snapshot loaded, moved or closed). */
    void update() {
        // Births matched through another order, or through a snapshot since closed, hold nothing true (and would hold
        // the closed snapshot's heap).
        entries.keySet().removeIf(s -> !series.contains(s) || !s.isReady() || of(series, s) == null);
        int javaPrefix = 0;
        while (javaPrefix < series.size() && series.get(javaPrefix).isReady()
                && series.get(javaPrefix).format() == HeapFormat.HPROF) {
            javaPrefix++;
        }
        int firstMissing = 0;
        while (firstMissing < javaPrefix && entries.containsKey(series.get(firstMissing))) {
            firstMissing++;
        }
        List<Snapshot> snapshots = List.copyOf(series.subList(0, javaPrefix));
        if (job != null && startsWith(snapshots, matching)) {
            return; // still true: it goes on, and looks again when it is done
        }
        if (job != null) {
            job.cancel();
            job = null;
        }
        if (firstMissing >= javaPrefix) {
            return;
        }
        matching = snapshots;
        List<AnalyzedHeap> heaps = snapshots.stream().map(Snapshot::heap).toList();
        ObjectBirths start = firstMissing == 0 ? null : entries.get(snapshots.get(firstMissing - 1)).births();
        match(snapshots, heaps, firstMissing, start);
    }

    /** Matches snapshot {@code index} (0-based) to the one before it, then goes on with the next. */
    private void match(List<Snapshot> snapshots, List<AnalyzedHeap> heaps, int index, ObjectBirths before) {
        if (index >= heaps.size()) {
            job = null;
            update();
            return;
        }
        String title = index == 0 ? "Dating objects\u2026" : "Matching objects of " + snapshots.get(index).title()
                + " to " + snapshots.get(index - 1).title() + "\u2026";
        job = background.query(title, j -> before == null ? Lineage.first(heaps.get(0))
                : Lineage.next(before, ObjectMatcher.match(heaps.get(index - 1), heaps.get(index), j)), births -> {
                    entries.put(snapshots.get(index), new Entry(heaps.subList(0, index + 1), births));
                    changed.run();
                    match(snapshots, heaps, index + 1, births);
                }, error -> {
                    if (!(error instanceof CanceledException)) {
                        job = null;
                    }
                });
    }

    private static boolean startsWith(List<Snapshot> list, List<Snapshot> prefix) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    private static List<AnalyzedHeap> chain(List<Snapshot> series, int k) {
        List<AnalyzedHeap> heaps = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            heaps.add(series.get(i).heap());
        }
        return heaps;
    }
}
