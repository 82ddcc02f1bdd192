package heapscope.parser.analysis.leaks;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassTable;
import heapscope.parser.analysis.Distances;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names a reader knows a leak by. A suspect is named by its anchor, the nearest thing on its shortest retainer path
 * that a program names: a static field by its owning class ({@code AuditRegistry.ENTRIES}), a closure variable by the
 * functions that share it ({@code leakyData in tick()}), a global's property, the thread locals or a stack frame's
 * local of a thread; the path then goes from the anchor to the container ({@code AuditRegistry.ENTRIES → HashMap.table
 * → HashMap$Node[]}). Classes are written without their package, an array type once, a lambda by its declaring class
 * without the per-run suffix ({@code EditorSession$$Lambda}), a closure by its function ({@code onRequestDone()}).
 *
 * <p>One instance per heap; not thread-safe. No IO but for reading a thread's name from a Java dump.
 */
final class SuspectNames {
    /** Retainer steps looked through for an anchor before the top object's class names the suspect. */
    private static final int MAX_STEPS = 24;
    private static final Pattern LAMBDA_SUFFIX = Pattern.compile("\\$\\$Lambda(\\$\\d+)?(/0x[0-9a-f]+)?(\\$\\d+)?");
    private static final Pattern HIDDEN_CLASS_SUFFIX = Pattern.compile("/0x[0-9a-f]+");
    private static final Pattern JDK = Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\..*|(boolean|byte|char|short|int|long"
            + "|float|double)\\[\\](\\[\\])*");

    private final AnalyzedHeap heap;
    private final HeapGraph graph;
    private final RetainerView retainers;
    private final boolean java;

    /**
     * A suspect's name and path, the path without what differs between alike containers (thread names), and whether
     * its anchor belongs to the runtime (a JDK class's static, a class's constant pool, nothing a program names).
     */
    record Named(String name, String path, String signature, boolean runtimeAnchor) {
    }

    SuspectNames(AnalyzedHeap heap) {
        this.heap = heap;
        this.graph = heap.graph();
        this.retainers = new RetainerView(heap);
        this.java = heap.format() == HeapFormat.HPROF;
    }

    Named of(int container) {
        RetainerPath path = retainers.shortestPath(container);
        List<RetainerEdge> steps = path.steps();
        List<String> below = new ArrayList<>(); // from the container's holder up to the anchor, exclusive
        Anchor anchor = null;
        int top = container;
        for (int k = 0; k < steps.size() && k < MAX_STEPS && anchor == null; k++) {
            RetainerEdge step = steps.get(k);
            anchor = anchorAt(step.retainerNode(), step.edgeIndex());
            if (anchor == null) {
                below.add(step(step.retainerNode(), step.edgeIndex()));
                top = step.retainerNode();
            }
        }
        if (anchor == null) {
            String name = display(top);
            boolean runtime = java ? isJdk(className(top)) || graph.nodeLabel(top) != null
                    : !Distances.isUserReachable(heap.distances()[container]);
            anchor = new Anchor(name, name, name, runtime);
            if (!below.isEmpty()) {
                below.remove(below.size() - 1); // the top object starts the path itself
            }
        }
        String tail = collapse(below) + " \u2192 " + display(container);
        return new Named(anchor.name(), anchor.pathStart() + tail, anchor.signatureStart() + tail, anchor.runtime());
    }

    /** Where a path starts: the anchor's name, how the path writes it, and the same without what differs. */
    private record Anchor(String name, String pathStart, String signatureStart, boolean runtime) {
    }

    /** The anchor a retaining edge makes, or null when the holder is just another object on the way. */
    private Anchor anchorAt(int holder, int edge) {
        String field = graph.edgeName(edge);
        byte type = graph.edgeType(edge);
        String label = graph.nodeLabel(holder);
        if (java && label != null && field.startsWith("static ")) {
            String owner = label.substring("class ".length());
            String name = simple(owner) + "." + field.substring("static ".length());
            return new Anchor(name, name, name, isJdk(owner));
        }
        if (java && label != null && type == EdgeType.INTERNAL && field.startsWith("<")) {
            String name = field + " of " + display(holder); // a VM table: a class's resolved constants, its loader
            return new Anchor(name, name, name, true);
        }
        if (java && field.startsWith("<local in ")) {
            String frame = field.substring("<local in ".length(), field.length() - 1);
            String name = "a local variable of " + frame + " in thread " + threadName(holder);
            return new Anchor(name, name, "a local variable of " + frame, false);
        }
        if (java && (field.equals("threadLocals") || field.equals("inheritableThreadLocals")) && isThread(holder)) {
            String generic = "thread locals of " + simple(className(holder));
            return new Anchor("thread locals of thread " + threadName(holder), generic, generic, false);
        }
        if (!java && type == EdgeType.CONTEXT) {
            String start = field + " (a variable of " + closureNames(holder) + ")";
            return new Anchor(field + " (closure variable)", start, start, false);
        }
        if (!java && type == EdgeType.PROPERTY && heap.distances()[holder] == 1) {
            String name = "globalThis." + field;
            return new Anchor(name, name, name, false);
        }
        return null;
    }

    /** The steps from the anchor down, a run of one step written once with its count: {@code Link.next ×13}. */
    private static String collapse(List<String> below) {
        StringBuilder text = new StringBuilder();
        for (int k = below.size() - 1; k >= 0; ) {
            int run = 1;
            while (k - run >= 0 && below.get(k - run).equals(below.get(k))) {
                run++;
            }
            text.append(" \u2192 ").append(below.get(k)).append(run > 1 ? " \u00d7" + run : "");
            k -= run;
        }
        return text.toString();
    }

    /** One step of a path: the holder's class and the field ({@code HashMap.table}), or the array ({@code Node[]}). */
    private String step(int holder, int edge) {
        if (EdgeType.hasNumericName(graph.edgeType(edge))) {
            String name = display(holder);
            return name.endsWith("]") ? name : name + "[]";
        }
        return display(holder) + "." + graph.edgeName(edge);
    }

    /** A node as the report writes it: its class without package, a class object as {@code class X}. */
    String display(int node) {
        byte type = graph.nodeTypes()[node];
        if (!java && type == NodeType.CLOSURE) {
            return functionName(node);
        }
        String label = graph.nodeLabel(node);
        if (label != null) {
            return "class " + simple(label.substring("class ".length()));
        }
        return simple(className(node));
    }

    /** The class of a node as the breakdown groups it: closures by function, lambdas by declaring class. */
    String groupName(int node) {
        if (!java && graph.nodeTypes()[node] == NodeType.CLOSURE) {
            return functionName(node);
        }
        return java ? unsuffixed(className(node)) : className(node);
    }

    private String functionName(int closure) {
        String name = graph.nodeName(closure);
        return (name.isEmpty() ? "(anonymous)" : name) + "()";
    }

    /** The functions whose closures share a context, e.g. {@code tick()} or {@code tick(), flush()}. */
    private String closureNames(int context) {
        List<String> names = new ArrayList<>();
        int more = 0;
        int[] first = heap.retainers().firstRetainerSlot();
        int[] sources = heap.retainers().retainerSources();
        for (int slot = first[context]; slot < first[context + 1]; slot++) {
            int source = sources[slot];
            if (graph.nodeTypes()[source] == NodeType.CLOSURE) {
                String name = functionName(source);
                if (names.contains(name)) {
                    continue;
                }
                if (names.size() < 2) {
                    names.add(name);
                } else {
                    more++;
                }
            }
        }
        return names.isEmpty() ? "a closure's context"
                : String.join(", ", names) + (more > 0 ? " and " + more + " more" : "");
    }

    private String className(int node) {
        ClassTable classes = heap.classes();
        return classes.name(classes.classByNode()[node]);
    }

    /** Whether a Java object's class is {@code java.lang.Thread} or a subclass: its class's {@code <super>} chain. */
    private boolean isThread(int node) {
        int cls = target(node, "<class>");
        for (int depth = 0; cls >= 0 && depth < 64; depth++) {
            if ("class java.lang.Thread".equals(graph.nodeLabel(cls))) {
                return true;
            }
            cls = target(cls, "<super>");
        }
        return false;
    }

    /** The target of the node's edge with this name, or -1. */
    private int target(int node, String edgeName) {
        for (int e = graph.firstEdgeIndex()[node]; e < graph.firstEdgeIndex()[node + 1]; e++) {
            if (!EdgeType.hasNumericName(graph.edgeType(e)) && edgeName.equals(graph.edgeName(e))) {
                return graph.edgeTargets()[e];
            }
        }
        return -1;
    }

    /** A thread's name, read from its {@code name} String, or its class when the dump does not say. */
    private String threadName(int thread) {
        int name = target(thread, "name");
        String text = name < 0 ? null : graph.objectText(name, 80);
        return text != null ? "'" + text + "'" : simple(className(thread));
    }

    /** {@code java.util.HashMap$Node[]} → {@code HashMap$Node[]}; V8 names are kept. */
    String simple(String className) {
        if (!java) {
            return className;
        }
        String unsuffixed = unsuffixed(className);
        int generic = unsuffixed.indexOf('<');
        String base = generic < 0 ? unsuffixed : unsuffixed.substring(0, generic);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? unsuffixed : unsuffixed.substring(dot + 1);
    }

    /** Whether a Java class (or array type) is the JDK's. */
    static boolean isJdk(String className) {
        return JDK.matcher(className).matches();
    }

    /** Without the per-run part of a lambda's or a hidden class's name. */
    static String unsuffixed(String className) {
        String name = LAMBDA_SUFFIX.matcher(className).replaceAll("\\$\\$Lambda");
        return HIDDEN_CLASS_SUFFIX.matcher(name).replaceAll("");
    }
}
