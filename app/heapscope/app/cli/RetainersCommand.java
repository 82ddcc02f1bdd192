package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.read.HeapFileException;
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
        long objectId = parseId(id);
        AnalyzedHeap heap = loading.load(file, loading.listener());
        int node = heap.graph().ordinalOfId(objectId);
        if (node < 0) {
            throw new HeapFileException(file, "there is no object @" + objectId + " in this heap");
        }
        RetainerPath path = new RetainerView(heap).shortestPath(node);
        PathJson.Document document = PathJson.of(heap, path);
        PrintStream out = System.out;
        if (json) {
            Json.print(document, out);
        } else {
            out.println(document.node().name() + " @" + document.node().id());
            String indent = "";
            for (PathJson.Step step : document.path()) {
                indent += "  ";
                out.println(indent + "\u2190 " + step.edgeName() + " in " + step.node().name() + " @" + step.node().id()
                        + "  (" + step.node().className() + ", distance " + SummaryCommand.distanceText(
                        step.node().distance()) + ")");
            }
            out.println("(" + document.stop().toLowerCase().replace('_', ' ') + ")");
        }
        return 0;
    }

    private static long parseId(String text) {
        String digits = text.startsWith("@") ? text.substring(1) : text;
        try {
            return digits.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new RetainersCommand()),
                    "not an object id: " + text);
        }
    }
}
