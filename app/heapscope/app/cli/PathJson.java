package heapscope.app.cli;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.NodeNames;
import heapscope.parser.analysis.ObjectNames;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import java.util.ArrayList;
import java.util.List;

/** The JSON of a retainer path, shared by {@code retainers} and {@code leaks}; the README documents it. */
final class PathJson {
    private PathJson() {
    }

    record Node(long id, String name, String className, int distance) {
    }

    record Step(String edgeName, String edgeType, Node node) {
    }

    record Document(Node node, List<Step> path, String stop) {
    }

    static Document of(AnalyzedHeap heap, RetainerPath path) {
        return new Document(node(heap, path.node()), steps(heap, path), path.stop().name());
    }

    static List<Step> steps(AnalyzedHeap heap, RetainerPath path) {
        HeapGraph graph = heap.graph();
        List<Step> steps = new ArrayList<>();
        for (RetainerEdge edge : path.steps()) {
            steps.add(new Step(NodeNames.edgeName(graph, edge.edgeIndex()), graph.edgeTypeName(edge.edgeIndex()),
                    node(heap, edge.retainerNode())));
        }
        return steps;
    }

    static Node node(AnalyzedHeap heap, int ordinal) {
        HeapGraph graph = heap.graph();
        return new Node(graph.nodeId(ordinal), ObjectNames.name(graph, ordinal),
                heap.classes().name(heap.classes().classByNode().get(ordinal)), heap.distance(ordinal));
    }
}
