package heapscope.parser.analysis.leaks;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntObjectHashMap;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.ObjectBirths;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What leak containers hold in the last snapshot: every object they dominate, by class (its full name; a lambda
 * without its per-run suffix, a V8 closure by its function), split by the snapshot each first appeared in; and one object of the class that grew most, added inside the series, as the example. Objects are
 * first tallied by class id (a V8 closure by its function name), then named, so a million held objects cost no
 * string. The breakdown lists the program's own classes first, nearest the container first (the first is its
 * headline), then the plumbing (see {@link #isPlumbing}) by added bytes. Stateless. No IO.
 */
final class HeldClasses {
    private static final java.util.regex.Pattern PLUMBING = java.util.regex.Pattern.compile(".*\\[\\]"
            + "|java\\.util\\.(concurrent\\.)?[A-Za-z]+\\$[A-Za-z]*(Node|Entry|Bin)|java\\.lang\\.ThreadLocal(\\$.*)?"
            + "|\\(.*\\)|system / .*|Array");
    private HeldClasses() {
    }

    /** The breakdown, largest added bytes first, and the example node. */
    record Held(List<ClassGrowth> classes, int exampleNode) {
    }

    static Held of(AnalyzedHeap last, int[] containers, ObjectBirths births) {
        int snapshots = births.snapshot();
        IntColumn classByNode = last.classes().classByNode();
        IntColumn nameIndexes = last.graph().nodeNames();
        ByteColumn types = last.graph().nodeTypes();
        boolean v8 = last.format() == HeapFormat.V8_HEAPSNAPSHOT;
        NodeSizes shallow = last.shallowSizes();
        IntColumn firstDominated = last.dominatedNodes().firstDominated();
        IntColumn dominated = last.dominatedNodes().dominatedNodes();
        IntObjectHashMap<long[]> tallies = new IntObjectHashMap<>(); // key -> counts by first snapshot, then bytes
        IntObjectHashMap<int[]> examples = new IntObjectHashMap<>(); // key -> {a node added inside the range}
        IntObjectHashMap<int[]> depths = new IntObjectHashMap<>(); // key -> {least depth below a container}
        IntArrayList stack = new IntArrayList(); // node, depth
        for (int container : containers) {
            stack.add(container, 0);
            while (!stack.isEmpty()) {
                int depth = stack.removeLast();
                int node = stack.removeLast();
                for (int i = firstDominated.get(node); i < firstDominated.get(node + 1); i++) {
                    stack.add(dominated.get(i), depth + 1);
                }
                if (node == container || shallow.get(node) == 0) {
                    continue;
                }
                int key = v8 && types.get(node) == NodeType.CLOSURE ? -1 - nameIndexes.get(node) : classByNode.get(node);
                long[] tally = tallies.get(key);
                if (tally == null) {
                    tally = new long[2 * snapshots];
                    tallies.put(key, tally);
                }
                int first = births.firstSnapshot(node) - 1;
                if (first > 0) {
                    int[] least = depths.get(key);
                    if (least == null) {
                        depths.put(key, new int[] {depth});
                    } else {
                        least[0] = Math.min(least[0], depth);
                    }
                }
                tally[first]++;
                tally[snapshots + first] += shallow.get(node);
                boolean insideRange = snapshots <= 2 ? first == snapshots - 1 : first > 0 && first < snapshots - 1;
                if (insideRange && !examples.containsKey(key)) {
                    examples.put(key, new int[] {node});
                }
            }
        }
        Map<String, long[]> byName = new LinkedHashMap<>();
        Map<String, Integer> exampleByName = new LinkedHashMap<>();
        Map<String, Integer> depthByName = new LinkedHashMap<>();
        for (var cursor : tallies) {
            int key = cursor.key;
            int sample = examples.containsKey(key) ? examples.get(key)[0] : -1;
            String name = key < 0 ? last.graph().strings().get(-1 - key) + "()"
                    : SuspectNames.unsuffixed(last.classes().name(key));
            long[] sum = byName.computeIfAbsent(name, n -> new long[2 * snapshots]);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += cursor.value[k];
            }
            if (sample >= 0) {
                exampleByName.putIfAbsent(name, sample);
            }
            if (depths.containsKey(key)) {
                depthByName.merge(name, depths.get(key)[0], Math::min);
            }
        }
        List<ClassGrowth> classes = new ArrayList<>();
        byName.forEach((name, sum) -> classes.add(new ClassGrowth(name,
                java.util.Arrays.copyOfRange(sum, 0, snapshots), java.util.Arrays.copyOfRange(sum, snapshots,
                2 * snapshots))));
        // What the container holds for the program first, nearest first (the headline), then the rest by bytes.
        Comparator<ClassGrowth> nearest = Comparator.comparingInt(c -> depthByName.getOrDefault(c.className(),
                Integer.MAX_VALUE));
        classes.sort(Comparator.comparing((ClassGrowth c) -> isPlumbing(c.className()) || c.added() == 0)
                .thenComparing((a, b) -> isPlumbing(a.className()) ? 0 : nearest.compare(a, b))
                .thenComparing(Comparator.comparingLong(ClassGrowth::addedBytes).reversed())
                .thenComparing(Comparator.comparingLong(ClassGrowth::added).reversed())
                .thenComparing(ClassGrowth::className));
        Integer example = classes.isEmpty() ? null : exampleByName.get(classes.get(0).className());
        return new Held(classes, example != null ? example : containers[0]);
    }

    /**
     * Classes a leak is made of but is not about: collection internals and arrays, thread locals and their maps'
     * entries, Strings and boxed values, V8's internal stores. The headline of a breakdown is the class nearest the container that is none of these (the
     * {@code CacheEntry} of a cache, not its map entries).
     */
    static boolean isPlumbing(String className) {
        return PLUMBING.matcher(className).matches() || heapscope.parser.graph.ValueClasses.isValueClass(className);
    }
}
