package heapscope.parser.analysis.matching;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.ClassTable;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.StringTable;
import heapscope.parser.graph.ValueClasses;
import heapscope.parser.store.IntColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is the same in two dumps of one process before any object is matched: classes (by their key) and strings
 * (edge names, by their text). Each heap numbers its classes and strings its own way; this maps the newer's numbers
 * to the older's. Immutable; thread-safe. No IO.
 */
final class Correspondence {
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float",
            "double");
    final AnalyzedHeap older;
    final AnalyzedHeap newer;
    final HeapGraph olderGraph;
    final HeapGraph newerGraph;
    private final IntColumn olderClassByNode;
    private final IntColumn newerClassByNode;
    /** The older heap's class id by the newer heap's class id; -1 for a class the older dump does not have. */
    private final int[] olderClassOfNewerClass;
    /** The older heap's string index by the newer heap's; -1 for a string the older table lacks. */
    private final int[] olderStringOfNewerString;
    /** What kind of object each older class makes, by older class id: see {@link Kind}. */
    private final Kind[] kindByOlderClass;

    /** What the matcher needs to know of a class: whether its instances can change in place, and how. */
    enum Kind {
        /** An ordinary instance: its fields may change in place. */
        INSTANCE,
        /** A String, a boxed number, a UUID: never changes; different values are different objects. */
        VALUE,
        /** An array of primitives: its elements may change, its length never. */
        ARRAY,
        /** An array of references: like {@link #ARRAY}, and its values are those of the Strings and boxes it holds. */
        OBJECT_ARRAY,
        /** A class object ({@code java.lang.Class}): matched by its class name, never by content or place. */
        CLASS_OBJECT;

        boolean isArray() {
            return this == ARRAY || this == OBJECT_ARRAY;
        }
    }

    Correspondence(AnalyzedHeap older, AnalyzedHeap newer) {
        this.older = older;
        this.newer = newer;
        this.olderGraph = older.graph();
        this.newerGraph = newer.graph();
        this.olderClassByNode = older.classes().classByNode();
        this.newerClassByNode = newer.classes().classByNode();
        ClassTable olderClasses = older.classes();
        ClassTable newerClasses = newer.classes();
        Map<String, Integer> olderClassByKey = new HashMap<>();
        kindByOlderClass = new Kind[olderClasses.classCount()];
        for (int c = 0; c < olderClasses.classCount(); c++) {
            olderClassByKey.put(olderClasses.key(c), c);
            String name = olderClasses.name(c);
            kindByOlderClass[c] = kindOf(name);
        }
        olderClassOfNewerClass = new int[newerClasses.classCount()];
        for (int c = 0; c < olderClassOfNewerClass.length; c++) {
            olderClassOfNewerClass[c] = olderClassByKey.getOrDefault(newerClasses.key(c), -1);
        }
        StringTable olderStrings = olderGraph.strings();
        Map<String, Integer> olderStringIndex = new HashMap<>(olderStrings.size() * 2);
        for (int s = 0; s < olderStrings.size(); s++) {
            olderStringIndex.putIfAbsent(olderStrings.get(s), s);
        }
        StringTable newerStrings = newerGraph.strings();
        olderStringOfNewerString = new int[newerStrings.size()];
        Arrays.fill(olderStringOfNewerString, -1);
        for (int s = 0; s < newerStrings.size(); s++) {
            olderStringOfNewerString[s] = olderStringIndex.getOrDefault(newerStrings.get(s), -1);
        }
    }

    private static Kind kindOf(String className) {
        if (ValueClasses.isValueClass(className)) {
            return Kind.VALUE;
        }
        if (className.endsWith("[]")) {
            return className.indexOf('[') == className.length() - 2 && PRIMITIVES.contains(className.substring(0,
                    className.length() - 2)) ? Kind.ARRAY : Kind.OBJECT_ARRAY;
        }
        return "java.lang.Class".equals(className) ? Kind.CLASS_OBJECT : Kind.INSTANCE;
    }

    /** The older heap's class id of a newer node's class, or -1. */
    int olderClassOfNewer(int newerNode) {
        return olderClassOfNewerClass[newerClassByNode.get(newerNode)];
    }

    int olderClass(int olderNode) {
        return olderClassByNode.get(olderNode);
    }

    boolean sameClass(int olderNode, int newerNode) {
        return olderClassByNode.get(olderNode) == olderClassOfNewer(newerNode);
    }

    /** The older heap's index of a string of the newer heap, or -1. */
    int olderString(int newerString) {
        return olderStringOfNewerString[newerString];
    }

    Kind kindOfOlder(int olderNode) {
        return kindByOlderClass[olderClassByNode.get(olderNode)];
    }

    Kind kindOfOlderClass(int olderClass) {
        return kindByOlderClass[olderClass];
    }
}
