package heapscope.parser.analysis.leaks;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassTable;
import heapscope.parser.analysis.Distances;
import heapscope.parser.analysis.ObjectNames;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.model.RetainerPath;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    private static final String THREAD_LOCALS_OF = "thread locals of thread ";
    private static final Pattern LAMBDA_SUFFIX = Pattern.compile("\\$\\$Lambda(\\$\\d+)?(/0x[0-9a-f]+)?(\\$\\d+)?");
    private static final Pattern HIDDEN_CLASS_SUFFIX = Pattern.compile("/0x[0-9a-f]+");
    private static final Pattern JDK = Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\..*|(boolean|byte|char|short|int|long"
            + "|float|double)\\[\\](\\[\\])*");

    private final AnalyzedHeap heap;
    private final HeapGraph graph;
    private final RetainerView retainers;
    private final boolean java;

    /**
     * A suspect's name and path, the path without what differs between alike containers (thread names), whether its
     * anchor belongs to the runtime (a JDK class's static, a class's constant pool, nothing a program names), and
     * whether the container is a class loader's list of its classes (classes loaded, with their statics).
     */
    record Named(String name, String path, String signature, boolean runtimeAnchor, boolean classLoading) {
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
            if (graph.nodeTypes().get(step.retainerNode()) == NodeType.SYNTHETIC) {
                break; // a GC root group: the object below it is the top
            }
            anchor = anchorAt(step.retainerNode(), step.edgeIndex());
            if (anchor == null) {
                below.add(step(step.retainerNode(), step.edgeIndex()));
                top = step.retainerNode();
            }
        }
        if (anchor == null) {
            // Nothing a program names: the path starts at the top object's holding field (its first step).
            String name = below.isEmpty() ? display(top) : below.get(below.size() - 1);
            boolean runtime = java ? isJdk(className(top)) || graph.nodeLabel(top) != null
                    : !Distances.isUserReachable(heap.distance(container));
            anchor = new Anchor(name, "", "", runtime);
        }
        String tail = collapse(below) + " \u2192 " + display(container);
        if (anchor.pathStart().isEmpty()) {
            tail = tail.substring(" \u2192 ".length());
        }
        String name = anchor.name();
        if (anchor.local() && !below.isEmpty() && !below.get(0).endsWith("]")) {
            name = below.get(0); // the field of the local's object that holds the container: EventBus.listeners
        }
        String listeners = emitterListeners(steps);
        if (listeners != null) {
            name = listeners;
        }
        boolean classLoading = java && !steps.isEmpty() && "classes".equals(graph.edgeName(steps.get(0).edgeIndex()))
                && JavaInstances.isA(graph, steps.get(0).retainerNode(), "class java.lang.ClassLoader");
        return new Named(name, anchor.pathStart() + tail, anchor.signatureStart() + tail, anchor.runtime(),
                classLoading);
    }

    /**
     * The name of several containers alike: for the thread locals of a pool's threads, the threads' common name
     * ({@code thread locals of the request-worker-* threads (4)}); otherwise the first one's with their count.
     */
    String alike(Named first, int[] containers) {
        List<String> threads = new ArrayList<>();
        for (int container : containers) {
            String name = of(container).name();
            if (!name.startsWith(THREAD_LOCALS_OF + "'") || !name.endsWith("'")) {
                return first.name() + " (" + containers.length + " alike)";
            }
            threads.add(name.substring(THREAD_LOCALS_OF.length() + 1, name.length() - 1));
        }
        String prefix = threads.get(0);
        for (String thread : threads) {
            while (!thread.startsWith(prefix)) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
        }
        return "thread locals of the " + (prefix.isEmpty() ? "" : prefix + "* ") + "threads (" + containers.length
                + ")";
    }

    /**
     * Where a path starts: the anchor's name, how the path writes it, the same without what differs between alike
     * containers, whether the runtime owns it, and whether it is a stack frame's local (a poor name for a leak).
     */
    private record Anchor(String name, String pathStart, String signatureStart, boolean runtime, boolean local) {
        Anchor(String name, String pathStart, String signatureStart, boolean runtime) {
            this(name, pathStart, signatureStart, runtime, false);
        }
    }

    /** The anchor a retaining edge makes, or null when the holder is just another object on the way. */
    private Anchor anchorAt(int holder, int edge) {
        String field = graph.edgeName(edge);
        byte type = graph.edgeType(edge);
        boolean classObject = ObjectNames.classObjectName(graph, holder) != null;
        if (java && classObject && field.startsWith("static ")) {
            String owner = ObjectNames.owner(heap, holder);
            String name = ObjectNames.step(simple(owner), type, field);
            return new Anchor(name, name, name, isJdk(owner));
        }
        if (java && classObject && type == EdgeType.INTERNAL && field.startsWith("<")) {
            String name = field + " of " + display(holder); // a VM table: a class's resolved constants, its loader
            return new Anchor(name, name, name, true);
        }
        if (java && field.startsWith("<local in ")) {
            String frame = field.substring("<local in ".length(), field.length() - 1);
            String name = "a local variable of " + frame + " in thread " + threadName(holder);
            return new Anchor(name, name, "a local variable of " + frame, false, true);
        }
        if (java && JavaInstances.THREAD_LOCAL_MAPS.contains(field) && JavaInstances.isThread(graph, holder)) {
            String generic = "thread locals of " + simple(className(holder));
            return new Anchor(THREAD_LOCALS_OF + threadName(holder), generic, generic, false);
        }
        if (!java && type == EdgeType.CONTEXT) {
            String start = field + " (a variable of " + closureNames(holder) + ")";
            return new Anchor(field + " (closure variable)", start, start, false);
        }
        if (!java && type == EdgeType.PROPERTY && heap.distance(holder) == 1) {
            String name = "globalThis." + field;
            return new Anchor(name, name, name, false);
        }
        return null;
    }

    /**
     * For a container of a Node {@code EventEmitter}'s listeners ({@code emitter._events.request}), the listeners by
     * their emitter and event: {@code RequestTracker 'request' listeners}; else null.
     */
    private String emitterListeners(List<RetainerEdge> steps) {
        if (java || steps.size() < 2 || !"_events".equals(graph.edgeName(steps.get(1).edgeIndex()))) {
            return null;
        }
        return display(steps.get(1).retainerNode()) + " '" + graph.edgeName(steps.get(0).edgeIndex()) + "' listeners";
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

    /** One step of a path ({@link ObjectNames#step}), the holder written as {@link #display} writes it. */
    private String step(int holder, int edge) {
        String owner = display(holder);
        return ObjectNames.step(owner.startsWith("class ") ? owner.substring("class ".length()) : owner,
                graph.edgeType(edge), graph.edgeName(edge));
    }

    /** A node as the report writes it: its class without package, a class object as {@code class X}. */
    String display(int node) {
        if (!java && graph.nodeTypes().get(node) == NodeType.CLOSURE) {
            return functionName(node);
        }
        String owner = simple(ObjectNames.owner(heap, node));
        return ObjectNames.classObjectName(graph, node) != null ? "class " + owner : owner;
    }

    private String functionName(int closure) {
        String name = graph.nodeName(closure);
        return (name.isEmpty() ? "(anonymous)" : name) + "()";
    }

    /** The functions whose closures share a context, e.g. {@code tick()} or {@code tick(), flush()}. */
    private String closureNames(int context) {
        Set<String> names = new LinkedHashSet<>(); // a function with several closures counts once
        IntColumn first = heap.retainers().firstRetainerSlot();
        IntColumn sources = heap.retainers().retainerSources();
        for (int slot = first.get(context); slot < first.get(context + 1); slot++) {
            int source = sources.get(slot);
            if (graph.nodeTypes().get(source) == NodeType.CLOSURE) {
                names.add(functionName(source));
            }
        }
        if (names.isEmpty()) {
            return "a closure's context";
        }
        List<String> shown = names.stream().limit(2).toList();
        int more = names.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
    }

    private String className(int node) {
        ClassTable classes = heap.classes();
        return classes.name(classes.classByNode().get(node));
    }

    /** A thread's name, read from its {@code name} String, or its class when the dump does not say. */
    private String threadName(int thread) {
        int name = graph.namedEdgeTarget(thread, "name");
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
