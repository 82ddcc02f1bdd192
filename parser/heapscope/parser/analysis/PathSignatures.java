package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntObjectHashMap;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.model.RetainerEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A retainer-path signature: what holds an object, written so that objects held the same way in any snapshot of a
 * process get the same text even though ids, addresses and array positions differ. It follows the closest retainers
 * (as the Retainers view orders them) up to the first named anchor: a variable of a closure scope (V8 context edge),
 * a static field (HPROF), a user root; at most {@link #DEPTH} steps. Beyond the anchor the path runs through
 * framework internals (timers, async hooks) that can differ from one snapshot to the next. Each step is the holder's
 * class and the edge: {@code system / Context.leakyData → Array[] → LeakyItem}. Element indexes become
 * {@code []}, digits inside internal edge names become {@code #}, and links between objects of one class (a linked
 * list's {@code next}, a hash bucket's chain) are left out, so an object's depth in such a chain does not matter.
 *
 * <p>Caches each node's closest retainer; one instance per heap, not thread-safe. No IO.
 */
final class PathSignatures {
    /** Steps written: enough to name the holder, few enough to stay stable across snapshots. */
    static final int DEPTH = 8;
    /** Retainers followed at most, chain links included, so that long linked lists stay cheap. */
    private static final int MAX_WALK = 64;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final RetainerEdge NONE = new RetainerEdge(-1, -1, 0, false);

    private final AnalyzedHeap heap;
    private final HeapGraph graph;
    private final RetainerView view;
    private final IntObjectHashMap<RetainerEdge> closestRetainer = new IntObjectHashMap<>();

    PathSignatures(AnalyzedHeap heap) {
        this.heap = heap;
        this.graph = heap.graph();
        this.view = new RetainerView(heap);
    }

    String of(int node) {
        List<String> steps = new ArrayList<>();
        int current = node;
        for (int walked = 0; walked < MAX_WALK && steps.size() < DEPTH; walked++) {
            RetainerEdge edge = closest(current);
            if (edge == NONE) {
                break;
            }
            String holder = className(edge.retainerNode());
            if (!holder.equals(className(current))) {
                steps.add(holder + label(edge.edgeIndex()));
            }
            if (isAnchor(edge.edgeIndex()) || edge.sortDistance() <= 1
                    || edge.sortDistance() >= Distances.BASE_UNREACHABLE_DISTANCE) {
                break;
            }
            current = edge.retainerNode();
        }
        StringBuilder signature = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            signature.append(steps.get(i)).append(" \u2192 ");
        }
        return signature.append(className(node)).toString();
    }

    private boolean isAnchor(int edge) {
        byte type = graph.edgeType(edge);
        return type == EdgeType.CONTEXT
                || (type == EdgeType.PROPERTY && graph.strings().get(graph.edgeNameIndex(edge)).startsWith("static "));
    }

    private RetainerEdge closest(int node) {
        RetainerEdge edge = closestRetainer.get(node);
        if (edge == null) {
            List<RetainerEdge> retainers = view.retainers(node);
            edge = retainers.isEmpty() ? NONE : retainers.get(0);
            closestRetainer.put(node, edge);
        }
        return edge;
    }

    private String className(int node) {
        return heap.classes().name(heap.classes().classByNode()[node]);
    }

    private String label(int edge) {
        byte type = graph.edgeType(edge);
        if (EdgeType.hasNumericName(type)) {
            return "[]";
        }
        String name = NodeNames.edgeName(graph, edge);
        if (type == EdgeType.INTERNAL || type == EdgeType.SHORTCUT) {
            name = DIGITS.matcher(name).replaceAll("#");
        }
        return "." + name;
    }
}
