package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeLocations;
import heapscope.parser.graph.NodeType;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.ByteColumn;
import heapscope.parser.store.IntColumn;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.util.function.IntFunction;

/**
 * The Summary's classes: every node belongs to one dense class id. As in DevTools ({@code classKeyInternal}), the
 * class is the class name, except that objects with a source location are grouped by location and name, so that two
 * constructors called {@code Foo} from different scripts are different rows. A class's public key is
 * {@code ",Name"} or {@code "scriptId,line,column,Name"}, the same in every snapshot of a process, which is how
 * Comparison matches classes. Immutable once built; thread-safe. No IO but {@link #save} and {@link #load}.
 */
public final class ClassTable {
    private final HeapGraph graph;
    private final IntFunction<String> nameText;
    private final IntColumn classByNode;
    /** The class name key by class id: a string index, or another int that {@code nameText} knows. */
    private final int[] nameByClass;
    /** A {@link NodeLocations} position holding the class's location, or -1 for classes keyed by name only. */
    private final int[] locationByClass;

    private ClassTable(HeapGraph graph, IntFunction<String> nameText, IntColumn classByNode, int[] nameByClass,
            int[] locationByClass) {
        this.graph = graph;
        this.nameText = nameText;
        this.classByNode = classByNode;
        this.nameByClass = nameByClass;
        this.locationByClass = locationByClass;
    }

    /** Builds the table from each node's class name string index; reuses {@code classNames} as class-by-node. */
    static ClassTable build(HeapGraph graph, int[] classNames) {
        return build(graph, classNames, graph.strings()::get);
    }

    /**
     * Builds the table from each node's class name key, an int that {@code nameText} turns into the name (Comparison
     * uses keys that are not string indexes); reuses {@code classNames} as the class-by-node array.
     */
    static ClassTable build(HeapGraph graph, int[] classNames, IntFunction<String> nameText) {
        NodeLocations locations = graph.locations();
        ByteColumn types = graph.nodeTypes();
        IntIntHashMap classByName = new IntIntHashMap();
        LongIntHashMap classByLocatedName = new LongIntHashMap();
        IntArrayList names = new IntArrayList();
        IntArrayList locationPositions = new IntArrayList();
        int cursor = 0; // locations are sorted by node, and nodes are visited in order
        for (int node = 0; node < classNames.length; node++) {
            int name = classNames[node];
            while (cursor < locations.size() && locations.node(cursor) < node) {
                cursor++;
            }
            boolean located = cursor < locations.size() && locations.node(cursor) == node;
            int position = located && types.get(node) == NodeType.OBJECT ? cursor : -1;
            int id;
            if (position < 0) {
                id = classByName.getOrDefault(name, -1);
                if (id < 0) {
                    id = names.size();
                    classByName.put(name, id);
                    names.add(name);
                    locationPositions.add(-1);
                }
            } else {
                long key = pack(locations.place(position), name);
                id = classByLocatedName.getOrDefault(key, -1);
                if (id < 0) {
                    id = names.size();
                    classByLocatedName.put(key, id);
                    names.add(name);
                    locationPositions.add(position);
                }
            }
            classNames[node] = id;
        }
        return new ClassTable(graph, nameText, IntColumn.of(classNames), names.toArray(),
                locationPositions.toArray());
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    public int classCount() {
        return nameByClass.length;
    }

    /** Class id by node ordinal (on the heap, or mapped read-only from a cache entry). */
    public IntColumn classByNode() {
        return classByNode;
    }

    public String name(int classId) {
        return nameText.apply(nameByClass[classId]);
    }

    /** The class name key of a class (a string index for the heap's own table). */
    int nameKey(int classId) {
        return nameByClass[classId];
    }

    /** The public key: {@code ",Name"} or {@code "scriptId,line,column,Name"}. */
    public String key(int classId) {
        int position = locationByClass[classId];
        if (position < 0) {
            return "," + name(classId);
        }
        NodeLocations locations = graph.locations();
        return locations.scriptId(position) + "," + locations.line(position) + "," + locations.column(position) + ","
                + name(classId);
    }

    long retainedBytes() {
        return 4L * classByNode.length() + 8L * nameByClass.length;
    }

    /** Stores a table built from the heap's own string indexes ({@link #build(HeapGraph, int[])}). */
    void save(ArraySink sink, String name) throws IOException {
        sink.ints(name + ".classByNode", classByNode, classByNode.length());
        sink.ints(name + ".nameByClass", nameByClass);
        sink.ints(name + ".locationByClass", locationByClass);
    }

    /** What {@link #save} stored, over the restored graph, every index checked. */
    static ClassTable load(HeapGraph graph, ArraySource source, String name) throws IOException {
        IntColumn classByNode = source.intColumn(name + ".classByNode", graph.columns());
        int[] nameByClass = source.ints(name + ".nameByClass");
        int[] locationByClass = source.ints(name + ".locationByClass");
        StoreFormatException.check(classByNode.length() == graph.nodeCount()
                && locationByClass.length == nameByClass.length, name + ": columns of wrong lengths");
        for (int node = 0; node < classByNode.length() && !source.trusted(); node++) {
            int classId = classByNode.get(node);
            StoreFormatException.check(classId >= 0 && classId < nameByClass.length, name, ": a node of no class");
        }
        int strings = graph.strings().size();
        int locations = graph.locations().size();
        for (int c = 0; c < nameByClass.length; c++) {
            StoreFormatException.check(nameByClass[c] >= 0 && nameByClass[c] < strings && locationByClass[c] >= -1
                    && locationByClass[c] < locations, name, ": a class is out of range");
        }
        return new ClassTable(graph, graph.strings()::get, classByNode, nameByClass, locationByClass);
    }
}
