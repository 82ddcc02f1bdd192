package heapscope.parser.view;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ObjectNames;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds objects and classes by text, ignoring case (DevTools' search, and more for Java dumps):
 * <ul>
 * <li>the classes whose name contains the text, with their instance counts;</li>
 * <li>in a V8 snapshot, the objects whose name contains it (a string's name is its text), each distinct name tested
 * once;</li>
 * <li>in a Java dump, the class objects whose class name contains it and the {@code java.lang.String}s whose text
 * contains it: the text is read from the dump, String by String in file order.</li>
 * </ul>
 * Only objects the Summary counts (a shallow size, and for HPROF reachable) are found. Stateless. Reads the file for
 * Java Strings' text, so call it off the UI thread.
 */
public final class NodeSearch {
    /** How much of a Java String's text is searched. */
    public static final int MAX_STRING_CHARS = 10_000;

    /** A class whose name matched, and how many objects it has. */
    public record ClassMatch(int classId, String name, long count) {
    }

    /** What a search found: matching classes, and the first {@code rows} (largest retained size first) of {@code total}. */
    public record Result(List<ClassMatch> classes, List<NodeRow> rows, int total) {
        public Result {
            classes = List.copyOf(classes);
            rows = List.copyOf(rows);
        }
    }

    private NodeSearch() {
    }

    /** The ordinal of the object with this id, or -1. */
    public static int byId(AnalyzedHeap heap, long id) {
        return heap.graph().ordinalOfId(id);
    }

    public static Result byText(NodeRows rows, String text, int limit, CancelSignal cancel) {
        AnalyzedHeap heap = rows.heap();
        String needle = text.strip().toLowerCase(Locale.ROOT);
        List<ClassMatch> classes = classes(heap, needle, cancel);
        BitSet found = heap.format() == HeapFormat.HPROF ? javaObjects(heap, needle, cancel)
                : namedObjects(heap, needle, cancel);
        int[] ordinals = found.stream().toArray();
        NodeOrder.sort(heap, ordinals, Sort.RETAINED_SIZE_DESCENDING, cancel);
        List<NodeRow> result = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ordinals.length); i++) {
            result.add(rows.row(ordinals[i]));
        }
        return new Result(classes, result, ordinals.length);
    }

    private static List<ClassMatch> classes(AnalyzedHeap heap, String needle, CancelSignal cancel) {
        int classCount = heap.classes().classCount();
        boolean[] matches = new boolean[classCount];
        for (int c = 0; c < classCount; c++) {
            matches[c] = heap.classes().name(c).toLowerCase(Locale.ROOT).contains(needle);
        }
        long[] counts = new long[classCount];
        IntColumn classByNode = heap.classes().classByNode();
        for (int node = 0; node < classByNode.length(); node++) {
            if ((node & 0xFFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (matches[classByNode.get(node)] && counted(heap, node)) {
                counts[classByNode.get(node)]++;
            }
        }
        List<ClassMatch> result = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            if (counts[c] > 0) {
                result.add(new ClassMatch(c, heap.classes().name(c), counts[c]));
            }
        }
        result.sort((a, b) -> a.name().compareTo(b.name()));
        return result;
    }

    private static boolean counted(AnalyzedHeap heap, int node) {
        return heap.shallowSizes().get(node) > 0
                && (heap.uncountedNodes() == null || !heap.uncountedNodes().get(node));
    }

    /** V8: objects whose own name contains the text (each distinct string tested once). */
    private static BitSet namedObjects(AnalyzedHeap heap, String needle, CancelSignal cancel) {
        HeapGraph graph = heap.graph();
        boolean[] matches = graph.strings().matching(s -> s.toLowerCase(Locale.ROOT).contains(needle));
        IntColumn names = graph.nodeNames();
        NodeSizes shallow = heap.shallowSizes();
        BitSet found = new BitSet(names.length());
        for (int node = 0; node < names.length(); node++) {
            if ((node & 0xFFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (matches[names.get(node)] && shallow.get(node) > 0) {
                found.set(node);
            }
        }
        return found;
    }

    /** Java: class objects named after a matching class, and Strings whose text contains the text. */
    private static BitSet javaObjects(AnalyzedHeap heap, String needle, CancelSignal cancel) {
        HeapGraph graph = heap.graph();
        IntColumn classByNode = heap.classes().classByNode();
        int stringClass = -1;
        for (int c = 0; c < heap.classes().classCount(); c++) {
            if (heap.classes().name(c).equals("java.lang.String")) {
                stringClass = c;
            }
        }
        BitSet found = new BitSet(classByNode.length());
        boolean textReadable = graph.objectFieldsUnavailable() == null;
        for (int node = 0; node < classByNode.length(); node++) {
            if ((node & 0x3FF) == 0) {
                cancel.throwIfCanceled();
            }
            if (!counted(heap, node)) {
                continue;
            }
            String classObject = ObjectNames.classObjectName(graph, node);
            if (classObject != null) {
                if (classObject.toLowerCase(Locale.ROOT).contains(needle)) {
                    found.set(node);
                }
            } else if (textReadable && classByNode.get(node) == stringClass) {
                String value = graph.objectText(node, MAX_STRING_CHARS);
                if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                    found.set(node);
                }
            }
        }
        return found;
    }
}
