package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.NodeRows;
import heapscope.parser.view.ObjectIds;
import heapscope.parser.view.Units;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heapscope retainers FILE @ID [--json]}: who holds object {@code @ID}: the chain of closest retainers up to a
 * root, as DevTools' Retainers pane expands it by itself. Exit codes as {@link HeapscopeCommand}; an id that is not
 * in the file is bad input.
 */
@Command(name = "retainers", description = "The shortest retainer path from object @ID to a root.")
final class RetainersCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A .heapsnapshot or .hprof file.")
    Path file;

    @Parameters(index = "1", paramLabel = "@ID", description = "The object's id (V8 id, or HPROF address), '@' optional.")
    String id;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    HeapLoading loading;

    @Override
    public Integer call() throws Exception {
        long objectId = ObjectIds.parse(id);
        if (objectId == ObjectIds.NOT_AN_ID) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new RetainersCommand()),
                    "not an object id: " + id);
        }
        AnalyzedHeap heap = loading.load(file, loading.listener());
        int node = heap.graph().ordinalOfId(objectId);
        if (node < 0) {
            throw new HeapFileException(file, "there is no object " + (id.startsWith("@") ? id : "@" + id)
                    + " in this heap");
        }
        RetainerPath path = new RetainerView(heap).shortestPath(node);
        PrintStream out = System.out;
        if (json) {
            Json.print(PathJson.of(heap, path), out);
        } else {
            printText(new NodeRows(heap), path, out);
        }
        return 0;
    }

    /** The path as the app's Retainers pane writes it: {@code edge in Name @id}, ids of HPROF objects in hex. */
    private static void printText(NodeRows rows, RetainerPath path, PrintStream out) {
        out.println(rows.row(path.node()).label());
        String indent = "";
        for (RetainerEdge step : path.steps()) {
            indent += "  ";
            NodeRow retainer = rows.row(step.retainerNode());
            out.println(indent + "\u2190 " + rows.retaining(step.retainerNode(), step.edgeIndex()).label() + "  ("
                    + retainer.className() + ", distance " + Units.distance(retainer.distance()) + ")");
        }
        out.println("(" + path.stop().name().toLowerCase().replace('_', ' ') + ")");
    }
}
