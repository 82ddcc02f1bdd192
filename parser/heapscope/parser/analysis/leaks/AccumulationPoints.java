package heapscope.parser.analysis.leaks;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Where the growth accumulates (MAT's "accumulation point", over time instead of in one dump): of the followed objects
 * whose retained size kept growing, each with the growing objects it dominates forms a tree; from each tree's top, the
 * walk goes down to the child that carries at least 80 % of the growth, and stops where none does. There the growing
 * children that together carry most of the growth are separate points (a class whose two static maps both leak);
 * otherwise the object the walk stopped at is, or, when that is part of a container's structure (a Java collection's
 * table or entry, a list's backing array, a V8 backing store), the container above it: a map that resized has a new
 * table but is the same map, and the map is what a reader knows. The walk goes through such structure when the
 * growth stays in one of its elements (a class loader's list of classes, one of which holds the leak), and down a
 * chain of objects of one class only when the chain leads on to something else (nested V8 scopes): a linked list's
 * links each retain the rest of the list, and the first stands for it.
 *
 * <p>Stateless. No IO.
 */
final class AccumulationPoints {
    private static final double CARRIES = 0.8;
    private static final java.util.regex.Pattern COLLECTION_ENTRY = java.util.regex.Pattern.compile(
            "java\\.util\\.(concurrent\\.)?[A-Za-z]+\\$[A-Za-z]*(Node|Entry|Bin)");

    private AccumulationPoints() {
    }

    /** A point: the object in the last snapshot and its retained sizes by snapshot. */
    record Point(int node, long[] sizes, Growth growth) {
    }

    /**
     * The points among the followed objects that grew (rose at least once, never fell) by at least {@code minBytes}.
     * Whether a point kept growing is for the caller to judge, on it together with the points alike (the thread-local
     * maps of a pool's threads grow in turns).
     */
    static List<Point> find(AnalyzedHeap last, RetainedHistory history, long minBytes) {
        List<Point> growing = new ArrayList<>();
        IntIntHashMap indexByNode = new IntIntHashMap();
        BitSet isGrowing = new BitSet();
        for (int i = 0; i < history.size(); i++) {
            long[] sizes = history.sizes(i);
            Growth growth = Growth.of(sizes);
            if (growth.rises() > 0 && !growth.fell() && growth.bytes() >= minBytes) {
                int node = history.ordinal(i);
                indexByNode.put(node, growing.size());
                isGrowing.set(node);
                growing.add(new Point(node, sizes, growth));
            }
        }
        IntArrayList[] children = new IntArrayList[growing.size()];
        IntArrayList tops = new IntArrayList();
        int[] parents = nearestGrowingAncestors(last, growing, isGrowing);
        for (int i = 0; i < growing.size(); i++) {
            int parent = parents[i];
            if (parent < 0) {
                tops.add(i);
            } else {
                int p = indexByNode.get(parent);
                if (children[p] == null) {
                    children[p] = new IntArrayList();
                }
                children[p].add(i);
            }
        }
        List<Point> points = new ArrayList<>();
        Descent descent = new Descent(last, growing, children, minBytes, points);
        for (int t = 0; t < tops.size(); t++) {
            descent.descend(tops.get(t));
        }
        return points;
    }

    /** The walk down each tree of growing objects. */
    private record Descent(AnalyzedHeap last, List<Point> growing, IntArrayList[] children, long minBytes,
            List<Point> points) {
        /** Walks down from {@code index}; {@code path} holds the walk so far (indexes), to climb back from structure. */
        void descend(int index) {
            IntArrayList path = new IntArrayList();
            int at = index;
            while (true) {
                path.add(at);
                Point point = growing.get(at);
                int carrier = -1;
                long total = 0;
                IntArrayList parts = new IntArrayList();
                IntArrayList kids = children[at];
                for (int k = 0; kids != null && k < kids.size(); k++) {
                    Point child = growing.get(kids.get(k));
                    if (sameClass(point.node(), child.node())) {
                        // A chain of one class: nested scopes lead on to something else, a list's links do not
                        // (the first link stands for the list).
                        int exit = chainExit(kids.get(k));
                        if (exit >= 0) {
                            carrier = exit;
                            break;
                        }
                        continue;
                    }
                    if (child.growth().bytes() >= CARRIES * point.growth().bytes()) {
                        carrier = kids.get(k);
                        break;
                    }
                    if (child.growth().bytes() >= minBytes) {
                        parts.add(kids.get(k));
                        total += child.growth().bytes();
                    }
                }
                if (carrier >= 0) {
                    at = carrier;
                    continue;
                }
                if (!parts.isEmpty() && 2 * total >= point.growth().bytes()) {
                    for (int k = 0; k < parts.size(); k++) {
                        descend(parts.get(k));
                    }
                    return;
                }
                break;
            }
            // The walk ended where the growth spreads; inside a container's structure, the container is the point.
            int end = path.size() - 1;
            while (end > 0 && isStructure(growing.get(path.get(end)).node())) {
                end--;
            }
            Point point = growing.get(path.get(end));
            points.add(new Point(threadLocalsOf(owner(point.node()), point.growth()), point.sizes(), point.growth()));
        }

        /**
         * A Java thread whose growth lies in one of its thread-local maps (inheritable or not) stands for that map:
         * the map is the container, and a map made after the first snapshot (a pool thread that ran its first task
         * later) is not followed, so the walk stops at its thread. Any other node, a program's object with a field
         * of that name included, is itself.
         */
        private int threadLocalsOf(int node, Growth growth) {
            HeapGraph graph = last.graph();
            if (last.format() != HeapFormat.HPROF || !JavaInstances.isThread(graph, node)) {
                return node;
            }
            for (String field : JavaInstances.THREAD_LOCAL_MAPS) {
                int map = graph.namedEdgeTarget(node, field);
                if (map >= 0 && last.retainedSizes().get(map) >= CARRIES * growth.bytes()) {
                    return map;
                }
            }
            return node;
        }

        /**
         * The container whose structure a node is, up its dominators (a map whose table grew but which was not
         * followed itself), or the node. Its growth is the structure's.
         */
        private int owner(int node) {
            IntColumn dominators = last.dominators();
            int root = last.graph().rootOrdinal();
            int at = node;
            for (int step = 0; step < 4 && isStructure(at) && dominators.get(at) != root
                    && last.graph().nodeTypes().get(dominators.get(at)) != NodeType.SYNTHETIC; step++) {
                at = dominators.get(at);
            }
            return isStructure(at) ? node : at;
        }

        /**
         * Follows a chain of one class from {@code index} along the children that carry the growth, and returns the
         * first carrier of another class it leads to, or -1 when the growth spreads along the chain itself.
         */
        private int chainExit(int index) {
            int at = index;
            for (int depth = 0; depth < growing.size(); depth++) {
                Point point = growing.get(at);
                IntArrayList kids = children[at];
                int next = -1;
                for (int k = 0; kids != null && k < kids.size() && next < 0; k++) {
                    if (growing.get(kids.get(k)).growth().bytes() >= CARRIES * point.growth().bytes()) {
                        next = kids.get(k);
                    }
                }
                if (next < 0) {
                    return -1;
                }
                if (!sameClass(point.node(), growing.get(next).node())) {
                    return next;
                }
                at = next;
            }
            return -1;
        }

        private boolean sameClass(int parent, int child) {
            IntColumn classByNode = last.classes().classByNode();
            return classByNode.get(child) == classByNode.get(parent);
        }

        /**
         * Part of a container's own structure rather than something a program names: a Java array (a collection's
         * table, a list's backing array) or a Java collection's entry, a V8 backing store or system object.
         */
        private boolean isStructure(int node) {
            if (last.format() == HeapFormat.HPROF) {
                String name = last.classes().name(last.classes().classByNode().get(node));
                return name.endsWith("[]") || COLLECTION_ENTRY.matcher(name).matches();
            }
            byte type = last.graph().nodeTypes().get(node);
            return type == NodeType.ARRAY || type == NodeType.HIDDEN;
        }
    }

    /** For each growing object, its nearest dominator that grows too, or -1; walks each dominator chain once. */
    private static int[] nearestGrowingAncestors(AnalyzedHeap last, List<Point> growing, BitSet isGrowing) {
        IntColumn dominators = last.dominators();
        int root = last.graph().rootOrdinal();
        IntIntHashMap known = new IntIntHashMap(); // node -> its nearest growing ancestor-or-self, -1 for none
        int[] result = new int[growing.size()];
        IntArrayList path = new IntArrayList();
        for (int i = 0; i < growing.size(); i++) {
            path.clear();
            int up = dominators.get(growing.get(i).node());
            int found = -1;
            while (up != root) {
                if (isGrowing.get(up)) {
                    found = up;
                    break;
                }
                int cached = known.getOrDefault(up, Integer.MIN_VALUE);
                if (cached != Integer.MIN_VALUE) {
                    found = cached;
                    break;
                }
                path.add(up);
                up = dominators.get(up);
            }
            for (int p = 0; p < path.size(); p++) {
                known.put(path.get(p), found);
            }
            result[i] = found;
        }
        return result;
    }
}
