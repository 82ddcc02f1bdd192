package heapscope.parser.analysis;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.JavaEdgeNames;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.ProblemSuspect;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Leak suspects in a single heap, by Eclipse MAT's rules (its "Leak Suspects" report, {@code FindLeaksQuery} and
 * {@code LeakHunterQuery}): so that a user with one dump gets an answer too.
 * <ol>
 * <li>The top of the dominator tree: the objects nothing but the GC roots keep alive (the root's own synthetic
 * group nodes are looked through).</li>
 * <li>A single object among them that retains at least {@link #THRESHOLD_PERCENT} % of the heap is a suspect.</li>
 * <li>So is a class whose objects among them retain that much together (unless an object of that class already is
 * one).</li>
 * <li>For an object, the accumulation point is found by walking down the dominator tree into the largest child while
 * it keeps at least {@link #BIG_DROP_RATIO} of its parent's retained size: where the bytes fan out, usually an array
 * of a collection.</li>
 * <li>A suspect is described by its first holder outside the runtime's own packages ({@code java.}, {@code javax.},
 * {@code jdk.}, {@code sun.}, {@code com.sun.}), as MAT skips them (a class by its class loader), and by its shortest
 * path from a GC root.</li>
 * </ol>
 * Stateless. No IO.
 */
public final class ProblemSuspects {
    /** MAT's default threshold: a tenth of the heap. */
    public static final int THRESHOLD_PERCENT = 10;
    /** MAT's big drop: the walk stops where the largest child keeps less than this share of its parent. */
    static final double BIG_DROP_RATIO = 0.7;
    /** How many classes of the accumulated objects a suspect lists. */
    private static final int ACCUMULATED_CLASSES = 5;
    private static final Pattern RUNTIME_CLASS = Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\..*");

    private ProblemSuspects() {
    }

    /** The suspects, largest retained size first. */
    public static List<ProblemSuspect> find(AnalyzedHeap heap, CancelSignal cancel) {
        long threshold = heap.totalSize() * THRESHOLD_PERCENT / 100;
        int[] top = topDominators(heap, cancel);
        NodeSizes retained = heap.retainedSizes();
        List<ProblemSuspect> suspects = new ArrayList<>();
        Set<Integer> suspectClasses = new HashSet<>();
        IntColumn classByNode = heap.classes().classByNode();
        for (int node : top) {
            if (retained.get(node) >= threshold && threshold > 0) {
                suspects.add(objectSuspect(heap, node, cancel));
                suspectClasses.add(classByNode.get(node));
            }
        }
        Map<Integer, long[]> byClass = new HashMap<>(); // class -> {retained, count, largest instance}
        for (int node : top) {
            long[] sum = byClass.computeIfAbsent(classByNode.get(node), c -> new long[] {0, 0, node});
            sum[0] += retained.get(node);
            sum[1]++;
            if (retained.get(node) > retained.get((int) sum[2])) {
                sum[2] = node;
            }
        }
        for (Map.Entry<Integer, long[]> e : byClass.entrySet()) {
            long[] sum = e.getValue();
            if (sum[0] >= threshold && threshold > 0 && sum[1] > 1 && !suspectClasses.contains(e.getKey())) {
                cancel.throwIfCanceled();
                suspects.add(classSuspect(heap, e.getKey(), sum[1], sum[0], (int) sum[2]));
            }
        }
        suspects.sort(Comparator.comparingLong(ProblemSuspect::retainedSize).reversed()
                .thenComparing(ProblemSuspect::name));
        return suspects;
    }

    /** The objects only the root keeps alive, looking through the root's synthetic group nodes; largest first. */
    static int[] topDominators(AnalyzedHeap heap, CancelSignal cancel) {
        HeapGraph graph = heap.graph();
        IntColumn first = heap.dominatedNodes().firstDominated();
        IntColumn children = heap.dominatedNodes().dominatedNodes();
        List<Integer> top = new ArrayList<>();
        List<Integer> groups = new ArrayList<>(List.of(graph.rootOrdinal()));
        while (!groups.isEmpty()) {
            int group = groups.remove(groups.size() - 1);
            for (int i = first.get(group); i < first.get(group + 1); i++) {
                int child = children.get(i);
                if (graph.nodeTypes().get(child) == NodeType.SYNTHETIC) {
                    groups.add(child);
                } else if (heap.retainedSizes().get(child) > 0) {
                    top.add(child);
                }
            }
            cancel.throwIfCanceled();
        }
        NodeSizes retained = heap.retainedSizes();
        return top.stream().sorted(Comparator.comparingLong((Integer n) -> retained.get(n)).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    private static ProblemSuspect objectSuspect(AnalyzedHeap heap, int node, CancelSignal cancel) {
        List<Integer> chain = accumulationChain(heap, node);
        int point = chain.get(chain.size() - 1);
        RetainerPath path = new RetainerView(heap).shortestPath(node);
        cancel.throwIfCanceled();
        String heldBy = ObjectNames.classObjectName(heap.graph(), node) != null ? loadedBy(heap, node)
                : heldBy(heap, path);
        return new ProblemSuspect(ProblemSuspect.Kind.OBJECT, node, ObjectNames.name(heap.graph(), node), 1,
                heap.retainedSizes().get(node), heldBy, point, via(heap, chain),
                accumulated(heap, point), path);
    }

    private static ProblemSuspect classSuspect(AnalyzedHeap heap, int classId, long count, long retainedSize,
            int largest) {
        RetainerPath path = new RetainerView(heap).shortestPath(largest);
        return new ProblemSuspect(ProblemSuspect.Kind.CLASS, largest, heap.classes().name(classId), count, retainedSize,
                heldBy(heap, path), -1, "", List.of(), path);
    }

    /** The suspect and the largest children below it while each keeps most of its parent's retained size. */
    static List<Integer> accumulationChain(AnalyzedHeap heap, int node) {
        IntColumn first = heap.dominatedNodes().firstDominated();
        IntColumn children = heap.dominatedNodes().dominatedNodes();
        NodeSizes retained = heap.retainedSizes();
        List<Integer> chain = new ArrayList<>(List.of(node));
        int current = node;
        while (true) {
            int largest = -1;
            for (int i = first.get(current); i < first.get(current + 1); i++) {
                if (largest < 0 || retained.get(children.get(i)) > retained.get(largest)) {
                    largest = children.get(i);
                }
            }
            if (largest < 0 || (double) retained.get(largest) / retained.get(current) < BIG_DROP_RATIO) {
                return chain;
            }
            chain.add(largest);
            current = largest;
        }
    }

    /** The references from one object of the chain to the next: {@code GrowingStaticMap.SESSIONS → ...}. */
    private static String via(AnalyzedHeap heap, List<Integer> chain) {
        HeapGraph graph = heap.graph();
        List<String> steps = new ArrayList<>();
        for (int i = 0; i + 1 < chain.size(); i++) {
            int from = chain.get(i);
            int to = chain.get(i + 1);
            for (int e = graph.firstEdgeIndex().get(from); e < graph.firstEdgeIndex().get(from + 1); e++) {
                if (graph.edgeTarget(e) == to) {
                    steps.add(ObjectNames.step(heap, from, e));
                    break;
                }
            }
        }
        return String.join(" \u2192 ", steps);
    }

    /** The accumulation point's immediately dominated objects, by class: count and retained bytes, largest first. */
    private static List<ProblemSuspect.ClassShare> accumulated(AnalyzedHeap heap, int point) {
        IntColumn first = heap.dominatedNodes().firstDominated();
        IntColumn children = heap.dominatedNodes().dominatedNodes();
        IntColumn classByNode = heap.classes().classByNode();
        Map<Integer, long[]> byClass = new HashMap<>();
        for (int i = first.get(point); i < first.get(point + 1); i++) {
            long[] share = byClass.computeIfAbsent(classByNode.get(children.get(i)), c -> new long[2]);
            share[0]++;
            share[1] += heap.retainedSizes().get(children.get(i));
        }
        return byClass.entrySet().stream()
                .map(e -> new ProblemSuspect.ClassShare(heap.classes().name(e.getKey()), e.getValue()[0],
                        e.getValue()[1]))
                .sorted(Comparator.comparingLong(ProblemSuspect.ClassShare::retainedSize).reversed()
                        .thenComparing(ProblemSuspect.ClassShare::className))
                .limit(ACCUMULATED_CLASSES).toList();
    }

    /**
     * What holds a class (MAT's "loaded by"): its class loader, {@code loaded by
     * jdk.internal.loader.ClassLoaders$AppClassLoader}, or the bootstrap loader when it has none.
     */
    static String loadedBy(AnalyzedHeap heap, int classObject) {
        int loader = heap.graph().namedEdgeTarget(classObject, JavaEdgeNames.CLASS_LOADER);
        return loader < 0 ? "loaded by the bootstrap class loader" : "loaded by " + ObjectNames.owner(heap, loader);
    }

    /**
     * The first holder on the path to a GC root whose class is not the runtime's, as a path step; when every holder
     * is the runtime's, the last one (the object a GC root holds, or the GC root group).
     */
    static String heldBy(AnalyzedHeap heap, RetainerPath path) {
        String last = "";
        for (RetainerEdge step : path.steps()) {
            int holder = step.retainerNode();
            if (heap.graph().nodeTypes().get(holder) == NodeType.SYNTHETIC) {
                return last.isEmpty() ? ObjectNames.name(heap.graph(), holder) : last;
            }
            String owner = ObjectNames.owner(heap, holder);
            last = ObjectNames.step(heap, holder, step.edgeIndex());
            if (!RUNTIME_CLASS.matcher(owner).matches()) {
                return last;
            }
        }
        return last;
    }
}
