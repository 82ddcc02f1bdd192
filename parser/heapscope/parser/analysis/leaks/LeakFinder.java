package heapscope.parser.analysis.leaks;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.analysis.matching.Lineage;
import heapscope.parser.analysis.matching.ObjectMatcher;
import heapscope.parser.analysis.matching.ObjectMatching;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.model.ObjectBirths;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The automatic leak report over snapshots S1..SN of one process. It follows, from snapshot to snapshot, every object
 * big enough to hold a leak ({@link RetainedHistory}; objects are followed by V8 id, or by the object matching of Java
 * dumps), and reports where retained size kept growing ({@link AccumulationPoints}): a container whose size rose in at
 * least two steps and never fell. Growth is measured on what a container holds, not on the paths that reach its
 * objects, so a full cache whose entries change paths or are replaced one by one stays flat and is not reported.
 * Everything a container holds is folded into it, so one leak is one entry (a cache with its entries, keys and
 * buffers); containers alike (the thread-local maps of a pool's threads) are one entry too. Each entry is named by
 * its anchor ({@link SuspectNames}) and broken down by what it holds, per snapshot ({@link HeldClasses}).
 *
 * <p>Entries that grew at every step come first, then the larger growth. Growth smaller than 0.05 % of the last heap
 * (at least 4 KB) is left out; growth inside the runtime's own tables (classes, constant pools, interned strings,
 * method handles of a JVM; V8's system objects and code) goes to a separate {@code runtimeGrowth} list.
 *
 * <p>Holds two snapshots at a time. Stateless; runs on the caller's thread.
 */
public final class LeakFinder {
    private static final long MIN_GROWTH_BYTES = 4096;
    private static final long MIN_GROWTH_PER_10000 = 5;
    /** What V8 makes for itself: compiled code and its metadata, not a program's objects. */
    private static final java.util.regex.Pattern V8_RUNTIME = java.util.regex.Pattern.compile(
            "\\((compiled code|code|system|array|object shape)\\)|system / (?!Context$).*");

    private LeakFinder() {
    }

    /**
     * The report over the series, in three phases: {@link #follow} the objects through the snapshots,
     * {@link #groupAlike} the accumulation points of the last one, {@link #judge} each group.
     */
    public static LeakReport find(SnapshotSeries series, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        Followed followed = follow(series, listener, cancel);
        AnalyzedHeap last = followed.last();
        long minGrowth = Math.max(MIN_GROWTH_BYTES, last.totalSize() / 10_000 * MIN_GROWTH_PER_10000);
        SuspectNames names = new SuspectNames(last);
        Judged judged = judge(followed, names, groupAlike(followed, names, minGrowth), minGrowth);
        return new LeakReport(followed.labels(), followed.v8() ? "v8-object-id" : "structural", judged.suspects(),
                judged.runtime(), followed.warnings(), last);
    }

    /** What following the objects through the series leaves: the last snapshot and each object's history. */
    private record Followed(List<String> labels, AnalyzedHeap last, ObjectBirths births, RetainedHistory history,
            List<String> warnings, boolean v8) {
    }

    /** Accumulation points alike: the same class, reached the same way ({@link SuspectNames.Named#signature()}). */
    private record AlikeKey(int classId, String signature) {
    }

    /** One group of alike accumulation points and the name of its first. */
    private record Alike(SuspectNames.Named named, List<AccumulationPoints.Point> points) {
    }

    /** The leaks, and the growth inside the runtime's own tables, both ranked. */
    private record Judged(List<LeakSuspect> suspects, List<LeakSuspect> runtime) {
    }

    /**
     * Phase 1: loads the snapshots in order, two at a time, and follows every object big enough to hold a leak from
     * each to the next (by V8 id, or by object matching for Java dumps), with the first snapshot of each object.
     */
    private static Followed follow(SnapshotSeries series, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        int n = series.size();
        if (n < 2) {
            throw new IllegalArgumentException("a leak report needs at least two snapshots");
        }
        if (n > ObjectBirths.MAX_SNAPSHOTS) {
            throw new IllegalArgumentException("a leak report over at most " + ObjectBirths.MAX_SNAPSHOTS
                    + " snapshots");
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            labels.add(series.label(k));
        }
        SeriesChecks checks = new SeriesChecks(labels);
        RetainedHistory history = new RetainedHistory(n);
        AnalyzedHeap heap = series.heap(0);
        boolean v8 = heap.format() == HeapFormat.V8_HEAPSNAPSHOT;
        checks.add(0, heap);
        history.start(heap);
        ObjectBirths births = v8 ? null : Lineage.first(heap);
        long[] maxIds = new long[n];
        maxIds[0] = heap.maxJsObjectId();
        for (int k = 1; k < n; k++) {
            cancel.throwIfCanceled();
            AnalyzedHeap next = series.heap(k);
            checks.add(k, next);
            Identity identity;
            if (v8) {
                identity = Identity.byId(heap, next);
            } else {
                listener.phaseStarted(Phase.MATCHING_OBJECTS);
                ObjectMatching matching = ObjectMatcher.match(heap, next, cancel);
                checks.matched(k, heap, matching);
                births = Lineage.next(births, matching);
                identity = Identity.of(matching);
            }
            history.step(heap, next, identity);
            maxIds[k] = next.maxJsObjectId();
            heap = next;
        }
        if (v8) {
            births = birthsById(heap, maxIds);
        }
        return new Followed(labels, heap, births, history, checks.warnings(), v8);
    }

    /**
     * Phase 2: the accumulation points of the last snapshot, grouped with those alike (the thread-local maps of a
     * pool's threads), in the order the points are found.
     */
    private static Collection<Alike> groupAlike(Followed followed, SuspectNames names, long minGrowth) {
        AnalyzedHeap last = followed.last();
        Map<AlikeKey, Alike> alike = new LinkedHashMap<>();
        for (AccumulationPoints.Point point : AccumulationPoints.find(last, followed.history(), minGrowth)) {
            SuspectNames.Named named = names.of(point.node());
            AlikeKey key = new AlikeKey(last.classes().classByNode().get(point.node()), named.signature());
            alike.computeIfAbsent(key, k -> new Alike(named, new ArrayList<>())).points().add(point);
        }
        return alike.values();
    }

    /**
     * Phase 3: each group becomes one entry, kept when its growth is large enough and kept on, and put with the leaks
     * or with the runtime's growth; both lists ranked: growth at every step first, then the larger growth.
     */
    private static Judged judge(Followed followed, SuspectNames names, Collection<Alike> groups, long minGrowth) {
        int n = followed.labels().size();
        List<LeakSuspect> suspects = new ArrayList<>();
        List<LeakSuspect> runtime = new ArrayList<>();
        for (Alike group : groups) {
            LeakSuspect suspect = suspect(followed.last(), followed.births(), names, group.named(), group.points(), n);
            Growth growth = Growth.of(suspect.retainedSizes());
            if (growth.kept(n) && growth.bytes() >= minGrowth) {
                (isRuntime(group.named(), suspect, followed.v8()) ? runtime : suspects).add(suspect);
            }
        }
        Comparator<LeakSuspect> rank = Comparator.comparing(LeakSuspect::grewEveryStep).reversed()
                .thenComparing(Comparator.comparingLong(LeakSuspect::growth).reversed())
                .thenComparing(LeakSuspect::name);
        suspects.sort(rank);
        runtime.sort(rank);
        return new Judged(suspects, runtime);
    }

    private static LeakSuspect suspect(AnalyzedHeap last, ObjectBirths births, SuspectNames names,
            SuspectNames.Named named, List<AccumulationPoints.Point> points, int n) {
        long[] sizes = new long[n];
        java.util.Arrays.fill(sizes, -1);
        int[] nodes = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            AccumulationPoints.Point point = points.get(i);
            nodes[i] = point.node();
            for (int k = 0; k < n; k++) {
                if (point.sizes()[k] >= 0) {
                    sizes[k] = Math.max(0, sizes[k]) + point.sizes()[k];
                }
            }
        }
        HeldClasses.Held held = HeldClasses.of(last, nodes, births);
        String name = points.size() == 1 ? named.name() : names.alike(named, nodes);
        return new LeakSuspect(name, last.classes().name(last.classes().classByNode().get(nodes[0])),
                points.size() == 1 ? named.path() : named.signature(), points.size(), sizes,
                Growth.of(sizes).everyStep(n), held.classes(), held.exampleNode(), nodes);
    }

    /**
     * Growth inside the runtime's own tables: a class loader's list of classes (classes loaded as the program warms up;
     * when one class's statics leak, the accumulation point lies past the list); for V8, an anchor only the system
     * roots reach, or growth made only of code and V8's own metadata (functions compiled as they run); for Java, an
     * anchor the JDK or the VM owns (a JDK class's static, a class's resolved constants) holding no added object of
     * the program's own classes.
     */
    private static boolean isRuntime(SuspectNames.Named named, LeakSuspect suspect, boolean v8) {
        if (named.classLoading()) {
            return true; // classes loaded as the program runs, with their statics; a leak held there is walked past
        }
        if (v8) {
            return named.runtimeAnchor() || suspect.held().stream().allMatch(held -> held.added() == 0
                    || V8_RUNTIME.matcher(held.className()).matches());
        }
        if (!named.runtimeAnchor()) {
            return false;
        }
        for (ClassGrowth held : suspect.held()) {
            if (held.added() > 0 && !SuspectNames.isJdk(held.className())
                    && !held.className().equals("java.lang.Class")) {
                return false;
            }
        }
        return true;
    }

    /** V8: an object first appears in the first snapshot whose largest JS object id is not below its id. */
    private static ObjectBirths birthsById(AnalyzedHeap last, long[] maxIds) {
        int n = maxIds.length;
        byte[] first = new byte[last.graph().nodeCount()];
        for (int node = 0; node < first.length; node++) {
            long id = last.graph().nodeId(node);
            int k = 0;
            while (k < n - 1 && id > maxIds[k]) {
                k++;
            }
            first[node] = (byte) (k + 1);
        }
        return new ObjectBirths(n, first);
    }
}
