package heapscope.parser.analysis.leaks;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Where the growth accumulates (MAT's "accumulation point", over time instead of in one dump): of the followed objects
 * whose retained size kept growing, each with the growing objects it dominates forms a tree; from each tree's top, the
 * point goes down to the child that carries at least 80 % of the growth, and stops where none does. There the
 * growing children that together carry most of the growth are separate points (a class whose two static maps both
 * leak); otherwise the object itself is. It never goes down a chain of objects of one class (a linked list's links
 * each retain the rest of the list; the list is the point, not its last old link), nor into a container's own
 * structure: a Java collection's table, an array a Java object keeps its elements in, a V8 object's backing store
 * (V8's internal {@code array} and {@code hidden} nodes). A map that resized has a new table but is the same map, and the map is what a reader knows.
 *
 * <p>Stateless. No IO.
 */
final class AccumulationPoints {
    private static final double CARRIES = 0.8;

    private AccumulationPoints() {
    }

    /** A point: the object in the last snapshot and its retained sizes by snapshot. */
    record Point(int node, long[] sizes, Growth growth) {
    }

    /** The points among the followed objects whose growth was kept and is at least {@code minBytes}. */
    static List<Point> find(AnalyzedHeap last, RetainedHistory history, int snapshots, long minBytes) {
        List<Point> growing = new ArrayList<>();
        IntIntHashMap indexByNode = new IntIntHashMap();
        BitSet isGrowing = new BitSet();
        for (int i = 0; i < history.size(); i++) {
            long[] sizes = history.sizes(i);
            Growth growth = Growth.of(sizes);
            if (growth.kept(snapshots) && growth.bytes() >= minBytes) {
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
        void descend(int index) {
            Point point = growing.get(index);
            IntArrayList kids = children[index];
            if (kids != null) {
                long total = 0;
                IntArrayList parts = new IntArrayList();
                for (int k = 0; k < kids.size(); k++) {
                    Point child = growing.get(kids.get(k));
                    if (!mayDescend(point.node(), child.node())) {
                        continue;
                    }
                    if (child.growth().bytes() >= CARRIES * point.growth().bytes()) {
                        descend(kids.get(k));
                        return;
                    }
                    if (child.growth().bytes() >= minBytes) {
                        parts.add(kids.get(k));
                        total += child.growth().bytes();
                    }
                }
                if (!parts.isEmpty() && 2 * total >= point.growth().bytes()) {
                    for (int k = 0; k < parts.size(); k++) {
                        descend(parts.get(k));
                    }
                    return;
                }
            }
            points.add(point);
        }

        /** Not along a chain of one class, nor into a container's own structure (see the class comment). */
        private boolean mayDescend(int parent, int child) {
            int[] classByNode = last.classes().classByNode();
            if (classByNode[child] == classByNode[parent]) {
                return false;
            }
            HeapGraph graph = last.graph();
            if (last.format() == HeapFormat.HPROF) {
                if (graph.nodeLabel(parent) != null) {
                    return true; // a class object's statics are what a program names
                }
                String parentClass = last.classes().name(classByNode[parent]);
                String childClass = last.classes().name(classByNode[child]);
                return !childClass.endsWith("[]") && !parentClass.startsWith("java.util.");
            }
            byte type = graph.nodeTypes()[child];
            return type != NodeType.ARRAY && type != NodeType.HIDDEN; // V8's backing stores: "(array)", "(object elements)"
        }
    }

    /** For each growing object, its nearest dominator that grows too, or -1; walks each dominator chain once. */
    private static int[] nearestGrowingAncestors(AnalyzedHeap last, List<Point> growing, BitSet isGrowing) {
        int[] dominators = last.dominators();
        int root = last.graph().rootOrdinal();
        IntIntHashMap known = new IntIntHashMap(); // node -> its nearest growing ancestor-or-self, -1 for none
        int[] result = new int[growing.size()];
        IntArrayList path = new IntArrayList();
        for (int i = 0; i < growing.size(); i++) {
            path.clear();
            int up = dominators[growing.get(i).node()];
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
                up = dominators[up];
            }
            for (int p = 0; p < path.size(); p++) {
                known.put(path.get(p), found);
            }
            result[i] = found;
        }
        return result;
    }
}
