package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntArrayList;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.model.LeakGroup;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.NodeFilter;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.read.HeapFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The automatic leak report over snapshots S1..SN of one process. Suspects are the objects of SN that were allocated
 * between S1 and S(N-1) (V8, by object id, the 3-snapshot method), or, for HPROF where addresses move, the objects of
 * SN whose class grew since S1. They are grouped by class and retainer-path signature ({@link PathSignatures}), so ten
 * thousand {@code leakyData[i]} make one group; every group is then counted in every snapshot. A group is reported
 * when its count rose in at least two steps (or in the only step of a two-snapshot series) and never fell, so objects
 * made once and kept (singletons, caches warmed once) are not; groups that grew at every step rank first, then by
 * what they retain in SN. A group that is part of another (the arrays each leaked object owns, the map entries that
 * hold the leaked objects) is not reported again; see {@link #withoutContainedGroups}.
 *
 * <p>Holds SN and one other snapshot at a time. Stateless; runs on the caller's thread.
 */
public final class LeakFinder {
    private LeakFinder() {
    }

    public static LeakReport find(SnapshotSeries series, CancelSignal cancel) throws HeapFileException, IOException {
        int n = series.size();
        if (n < 2) {
            throw new IllegalArgumentException("a leak report needs at least two snapshots");
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            labels.add(series.label(k));
        }
        AnalyzedHeap last = series.heap(n - 1);
        boolean v8 = last.format() == HeapFormat.V8_HEAPSNAPSHOT;
        SeriesCheck check = new SeriesCheck(series);
        Groups groups = null;
        if (v8) {
            long min = series.maxJsObjectId(0);
            long max = series.maxJsObjectId(n >= 3 ? n - 2 : n - 1);
            groups = Groups.ofCandidates(last, new NodeFilter.AllocatedBetween(min, max));
        }
        long[][] counts = new long[n][];
        for (int k = 0; k < n - 1; k++) {
            cancel.throwIfCanceled();
            AnalyzedHeap heap = series.heap(k);
            check.add(k, heap);
            if (groups == null) {
                groups = Groups.ofGrownClasses(last, heap);
            }
            counts[k] = groups.countIn(heap);
        }
        check.add(n - 1, last);
        counts[n - 1] = groups.countIn(last);

        List<LeakGroup> reported = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            long[] series1 = new long[n];
            for (int k = 0; k < n; k++) {
                series1[k] = counts[k][g];
            }
            int rises = 0;
            boolean fell = false;
            for (int k = 1; k < n; k++) {
                rises += series1[k] > series1[k - 1] ? 1 : 0;
                fell |= series1[k] < series1[k - 1];
            }
            if (fell || rises < Math.min(2, n - 1)) {
                continue;
            }
            Groups.Group group = groups.get(g);
            reported.add(new LeakGroup(group.className(), group.classKey(), group.signature(), series1,
                    rises == n - 1, groups.retainedSize(g), group.members().get(0)));
        }
        reported.sort(Comparator.comparing(LeakGroup::grewEveryStep).reversed()
                .thenComparing(Comparator.comparingLong(LeakGroup::retainedSize).reversed())
                .thenComparing(Comparator.comparingLong(LeakGroup::growth).reversed())
                .thenComparing(LeakGroup::pathSignature));
        return new LeakReport(labels, v8 ? "v8-object-id" : "structural", withoutContainedGroups(reported, groups),
                check.warnings(), last);
    }

    /**
     * Collection internals and arrays (a {@code HashMap$Node}, an {@code Object[]}, V8's {@code (array)} stores): they
     * hold leaked objects but are rarely what leaked, so they never absorb another group.
     */
    private static final Pattern PLUMBING = Pattern.compile(".*\\[\\]|\\((array|object elements|system)\\)|system / .*"
            + "|java\\.util\\.(concurrent\\.)?[A-Za-z]+\\$(Node|Entry|TreeNode|TreeBin|ForwardingNode)");

    /**
     * Leaves out, in rank order, the groups that are part of another: a group whose members are all dominated by
     * members of a group kept before it (the arrays each leaked object owns), and a plumbing group that holds a kept
     * group (the map entries holding leaked sessions). A plumbing group holding nothing reported (a growing
     * {@code byte[]} cache) stays.
     */
    private static List<LeakGroup> withoutContainedGroups(List<LeakGroup> ranked, Groups groups) {
        AnalyzedHeap last = groups.last;
        int[] dominators = last.dominators();
        int root = last.graph().rootOrdinal();
        BitSet covered = new BitSet(last.graph().nodeCount());
        List<LeakGroup> kept = new ArrayList<>();
        List<LeakGroup> plumbing = new ArrayList<>();
        for (LeakGroup group : ranked) {
            if (PLUMBING.matcher(group.className()).matches()) {
                plumbing.add(group);
                continue;
            }
            IntArrayList members = groups.membersOf(group);
            if (!allDominatedBy(members, covered, dominators, root)) {
                kept.add(group);
                markAll(members, covered);
            }
        }
        // Everything that dominates a kept object: a plumbing group with a member in here holds a kept group.
        BitSet holders = new BitSet(last.graph().nodeCount());
        for (int k = covered.nextSetBit(0); k >= 0; k = covered.nextSetBit(k + 1)) {
            for (int up = dominators[k]; up != root && !holders.get(up); up = dominators[up]) {
                holders.set(up);
            }
        }
        for (LeakGroup group : plumbing) {
            IntArrayList members = groups.membersOf(group);
            boolean holdsKept = false;
            for (int i = 0; i < members.size() && !holdsKept; i++) {
                holdsKept = holders.get(members.get(i));
            }
            if (!holdsKept && !allDominatedBy(members, covered, dominators, root)) {
                kept.add(group);
                markAll(members, covered);
            }
        }
        kept.sort(Comparator.comparingInt(ranked::indexOf));
        return kept;
    }

    private static boolean allDominatedBy(IntArrayList members, BitSet covered, int[] dominators, int root) {
        for (int i = 0; i < members.size(); i++) {
            int up = dominators[members.get(i)];
            while (up != root && !covered.get(up)) {
                up = dominators[up];
            }
            if (up == root) {
                return false;
            }
        }
        return true;
    }

    private static void markAll(IntArrayList members, BitSet set) {
        for (int i = 0; i < members.size(); i++) {
            set.set(members.get(i));
        }
    }

    /** The groups found in SN: (class key, path signature) with their members there. */
    private static final class Groups {
        record Group(String classKey, String className, String signature, IntArrayList members) {
        }

        private final AnalyzedHeap last;
        private final List<Group> groups;
        private final Map<String, Integer> indexByKeyAndSignature = new HashMap<>();
        private final Set<String> classKeys = new HashSet<>();

        private Groups(AnalyzedHeap last, List<Group> groups) {
            this.last = last;
            this.groups = groups;
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                indexByKeyAndSignature.put(group.classKey() + "\n" + group.signature(), g);
                classKeys.add(group.classKey());
            }
        }

        /** Groups of SN's objects passing {@code filter}; each group also holds the same-kind objects not passing. */
        static Groups ofCandidates(AnalyzedHeap last, NodeFilter filter) {
            BitSet candidates = ClassAggregator.accepted(last, filter);
            Set<String> classKeys = new HashSet<>();
            ClassTable classes = last.classes();
            for (int node = candidates.nextSetBit(0); node >= 0; node = candidates.nextSetBit(node + 1)) {
                classKeys.add(classes.key(classes.classByNode()[node]));
            }
            return group(last, classKeys, candidates);
        }

        /** Groups of SN's objects of every class that has more instances in SN than in {@code first}. */
        static Groups ofGrownClasses(AnalyzedHeap last, AnalyzedHeap first) {
            Map<String, Long> before = countsByKey(first);
            Set<String> grown = new HashSet<>();
            countsByKey(last).forEach((key, count) -> {
                if (count > before.getOrDefault(key, 0L)) {
                    grown.add(key);
                }
            });
            return group(last, grown, null);
        }

        private static Map<String, Long> countsByKey(AnalyzedHeap heap) {
            Map<String, Long> counts = new HashMap<>();
            ClassAggregator.aggregate(heap, NodeFilter.ALL).forEach(row -> counts.put(row.key(), row.count()));
            return counts;
        }

        private static Groups group(AnalyzedHeap last, Set<String> classKeys, BitSet mustContain) {
            PathSignatures signatures = new PathSignatures(last);
            Map<String, Group> byKey = new LinkedHashMap<>();
            Set<String> keep = new HashSet<>();
            ClassTable classes = last.classes();
            BitSet counted = ClassAggregator.accepted(last, NodeFilter.ALL);
            for (int node = counted.nextSetBit(0); node >= 0; node = counted.nextSetBit(node + 1)) {
                int classId = classes.classByNode()[node];
                String classKey = classes.key(classId);
                if (!classKeys.contains(classKey)) {
                    continue;
                }
                String signature = signatures.of(node);
                String key = classKey + "\n" + signature;
                byKey.computeIfAbsent(key, k -> new Group(classKey, classes.name(classId), signature,
                        new IntArrayList())).members().add(node);
                if (mustContain == null || mustContain.get(node)) {
                    keep.add(key);
                }
            }
            List<Group> groups = new ArrayList<>();
            byKey.forEach((key, group) -> {
                if (keep.contains(key)) {
                    groups.add(group);
                }
            });
            return new Groups(last, groups);
        }

        int size() {
            return groups.size();
        }

        IntArrayList membersOf(LeakGroup group) {
            return groups.get(indexByKeyAndSignature.get(group.classKey() + "\n" + group.pathSignature())).members();
        }

        Group get(int g) {
            return groups.get(g);
        }

        /** How many objects of each group {@code heap} holds (the same class key and path signature). */
        long[] countIn(AnalyzedHeap heap) {
            long[] counts = new long[groups.size()];
            if (heap == last) {
                for (int g = 0; g < groups.size(); g++) {
                    counts[g] = groups.get(g).members().size();
                }
                return counts;
            }
            PathSignatures signatures = new PathSignatures(heap);
            ClassTable classes = heap.classes();
            BitSet counted = ClassAggregator.accepted(heap, NodeFilter.ALL);
            for (int node = counted.nextSetBit(0); node >= 0; node = counted.nextSetBit(node + 1)) {
                String classKey = classes.key(classes.classByNode()[node]);
                if (classKeys.contains(classKey)) {
                    Integer g = indexByKeyAndSignature.get(classKey + "\n" + signatures.of(node));
                    if (g != null) {
                        counts[g]++;
                    }
                }
            }
            return counts;
        }

        /** What the group's members retain in SN, each member counted unless another member dominates it. */
        long retainedSize(int g) {
            IntArrayList members = groups.get(g).members();
            BitSet isMember = new BitSet(last.graph().nodeCount());
            for (int i = 0; i < members.size(); i++) {
                isMember.set(members.get(i));
            }
            int[] dominators = last.dominators();
            int root = last.graph().rootOrdinal();
            long total = 0;
            for (int i = 0; i < members.size(); i++) {
                int node = members.get(i);
                int up = dominators[node];
                while (up != root && !isMember.get(up)) {
                    up = dominators[up];
                }
                if (up == root) {
                    total += last.retainedSizes().get(node);
                }
            }
            return total;
        }
    }

    /** Warns when the snapshots cannot be one process's, in the order taken (V8 ids tell). */
    private static final class SeriesCheck {
        private final SnapshotSeries series;
        private final List<String> warnings = new ArrayList<>();
        private long previousMaxId = -1;
        private Set<Long> firstGlobals;

        SeriesCheck(SnapshotSeries series) {
            this.series = series;
        }

        void add(int k, AnalyzedHeap heap) {
            if (heap.format() != HeapFormat.V8_HEAPSNAPSHOT) {
                return;
            }
            long maxId = heap.maxJsObjectId();
            if (maxId < previousMaxId) {
                warnings.add(series.label(k) + " has older object ids than the snapshot before it: the snapshots are "
                        + "not in the order they were taken");
            }
            previousMaxId = maxId;
            Set<Long> globals = globalObjectIds(heap.graph());
            if (firstGlobals == null) {
                firstGlobals = globals;
            } else if (!globals.equals(firstGlobals)) {
                warnings.add(series.label(k) + " does not share its global objects' ids with " + series.label(0)
                        + ": the snapshots may not come from one process, and id-based results would be wrong");
            }
        }

        /** The ids of the root's user roots (V8's global objects), the same in every snapshot of a process. */
        private static Set<Long> globalObjectIds(HeapGraph graph) {
            UserRoots userRoots = new UserRoots(graph);
            Set<Long> ids = new HashSet<>();
            int root = graph.rootOrdinal();
            for (int e = graph.firstEdgeIndex()[root]; e < graph.firstEdgeIndex()[root + 1]; e++) {
                int target = graph.edgeTargets()[e];
                if (userRoots.isUserRoot(target)) {
                    ids.add(graph.nodeId(target));
                }
            }
            return ids;
        }

        List<String> warnings() {
            return warnings;
        }
    }
}
