package heapscope.parser.analysis;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import java.util.Arrays;
import java.util.List;

/**
 * The class name of every node, as the Summary's Constructor column shows it (DevTools' {@code calculateObjectNames}):
 * hidden nodes are {@code (system)}, code {@code (compiled code)}, closures {@code Function}, regexps {@code RegExp};
 * objects and native nodes go by their own name, with a DOM name such as {@code <div id="a">} cut to {@code <div>};
 * any other type is {@code (type)}, e.g. {@code (string)}, {@code (array)}. Plain objects are then renamed after the
 * interface they match ({@link InterfaceDefinitions}).
 *
 * <p>Names that DevTools derives get string indexes of their own ({@link DerivedNames}), once each and never merged
 * with a string the file already holds, exactly as DevTools does: class identity is the string index, so this decides
 * which rows the Summary has. Reads the graph only, so it can run beside other phases. Stateless. No IO.
 */
final class ClassNames {
    private ClassNames() {
    }

    /** Each node's class name (a string index, by node ordinal) and the interface definitions the names used. */
    record Naming(int[] classNames, List<InterfaceDefinitions.Definition> definitions) {
    }

    static Naming compute(HeapGraph graph, DerivedNames derived, CancelSignal cancel) {
        int[] classNames = baseNames(graph, derived, cancel);
        return new Naming(classNames, InterfaceDefinitions.inferAndApply(graph, classNames, derived, cancel));
    }

    /** The class name's string index by node ordinal, before plain objects are named after interfaces. */
    static int[] baseNames(HeapGraph graph, DerivedNames derived, CancelSignal cancel) {
        StringTable strings = graph.strings();
        int system = derived.indexOf("(system)");
        int compiledCode = derived.indexOf("(compiled code)");
        int function = derived.indexOf("Function");
        int regExp = derived.indexOf("RegExp");
        int[] typeClass = new int[Byte.MAX_VALUE + 1];
        Arrays.fill(typeClass, -1);
        // By raw name index, for objects and native nodes: 0 = not looked at yet, else 1 + the class name index.
        int[] objectClassByName = new int[strings.size()];

        ByteColumn types = graph.nodeTypes();
        IntColumn names = graph.nodeNames();
        int[] classNames = new int[graph.nodeCount()];
        for (int node = 0; node < classNames.length; node++) {
            if ((node & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            byte type = types.get(node);
            switch (type) {
                case NodeType.HIDDEN -> classNames[node] = system;
                case NodeType.CODE -> classNames[node] = compiledCode;
                case NodeType.CLOSURE -> classNames[node] = function;
                case NodeType.REGEXP -> classNames[node] = regExp;
                case NodeType.OBJECT, NodeType.NATIVE -> {
                    int name = names.get(node);
                    if (objectClassByName[name] == 0) {
                        objectClassByName[name] = 1 + objectClassName(strings, derived, name);
                    }
                    classNames[node] = objectClassByName[name] - 1;
                }
                default -> {
                    if (typeClass[type] < 0) {
                        typeClass[type] = derived.indexOf("(" + graph.nodeTypeName(node) + ")");
                    }
                    classNames[node] = typeClass[type];
                }
            }
        }
        return classNames;
    }

    private static int objectClassName(StringTable strings, DerivedNames derived, int nameIndex) {
        String name = strings.get(nameIndex);
        if (name.startsWith("<")) {
            int space = name.indexOf(' ');
            return derived.indexOf(space < 0 ? name : name.substring(0, space) + ">");
        }
        if (name.startsWith("Detached <")) {
            int space = name.indexOf(' ', 10);
            return derived.indexOf(space < 0 ? name : name.substring(0, space) + ">");
        }
        return nameIndex;
    }
}
