package heapscope.testing;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.HeapGraphBuilder;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small heap graphs by hand for tests: {@code g.node("A", 10).edge("x", "B")}. The first node added is the
 * root. Node ids are 1, 3, 5, ... in the order nodes are added (odd, like V8's JS objects) unless given.
 */
public final class TestGraph {
    private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    private NodeSpec last;
    private long extraNativeBytes;

    private record EdgeSpec(byte type, String name, int index, String target) {
    }

    private static final class NodeSpec {
        final String label;
        final byte type;
        final String name;
        final long size;
        long id;
        byte detachedness = -1;
        int[] location;
        String displayLabel;
        final List<EdgeSpec> edges = new ArrayList<>();

        NodeSpec(String label, byte type, String name, long size) {
            this.label = label;
            this.type = type;
            this.name = name;
            this.size = size;
        }
    }

    /** A root node of type synthetic, as V8 writes it. */
    public TestGraph root() {
        return node("root", NodeType.SYNTHETIC, "", 0);
    }

    /** An object node named like its label. */
    public TestGraph node(String label, long size) {
        return node(label, NodeType.OBJECT, label, size);
    }

    public TestGraph node(String label, byte type, String name, long size) {
        last = new NodeSpec(label, type, name, size);
        last.id = 2L * nodes.size() + 1;
        nodes.put(label, last);
        return this;
    }

    /** Sets the id of the node added last. */
    public TestGraph id(long id) {
        last.id = id;
        return this;
    }

    /** Sets the DOM detachedness the file gives the node added last (0 unknown, 1 attached, 2 detached). */
    public TestGraph detachedness(int state) {
        last.detachedness = (byte) state;
        return this;
    }

    /** Gives the node added last a display label, as the HPROF reader labels a class object {@code class Name}. */
    public TestGraph label(String text) {
        last.displayLabel = text;
        return this;
    }

    /** Gives the node added last a source location, as V8 writes for objects made by a constructor. */
    public TestGraph location(int scriptId, int line, int column) {
        last.location = new int[] {scriptId, line, column};
        return this;
    }

    /** V8's {@code extra_native_bytes}: native memory the snapshot attributes to no node. */
    public TestGraph extraNativeBytes(long bytes) {
        extraNativeBytes = bytes;
        return this;
    }

    /** A property edge from the node added last. */
    public TestGraph edge(String name, String target) {
        return edge(EdgeType.PROPERTY, name, target);
    }

    public TestGraph edge(byte type, String name, String target) {
        last.edges.add(new EdgeSpec(type, name, 0, target));
        return this;
    }

    /** An element edge {@code [index]} from the node added last. */
    public TestGraph element(int index, String target) {
        last.edges.add(new EdgeSpec(EdgeType.ELEMENT, null, index, target));
        return this;
    }

    /** An edge from {@code source}, which may have been added earlier; element edges get the next index. */
    public TestGraph edgeFrom(String source, byte type, String name, String target) {
        int index = nodes.get(source).edges.size();
        nodes.get(source).edges.add(new EdgeSpec(type, name, index, target));
        return this;
    }

    public int ordinal(String label) {
        int i = 0;
        for (String key : nodes.keySet()) {
            if (key.equals(label)) {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("no node " + label);
    }

    public HeapGraph build() {
        return build(HeapFormat.V8_HEAPSNAPSHOT);
    }

    public HeapGraph build(HeapFormat format) {
        StringTable strings = new StringTable();
        Map<String, Integer> stringIndex = new LinkedHashMap<>();
        int edgeCount = nodes.values().stream().mapToInt(n -> n.edges.size()).sum();
        HeapGraphBuilder builder = new HeapGraphBuilder(format, nodes.size(), edgeCount, strings);
        int ordinal = 0;
        for (NodeSpec node : nodes.values()) {
            builder.addNode(node.type, intern(strings, stringIndex, node.name), node.id, node.size, node.edges.size());
            if (node.detachedness >= 0) {
                builder.setDetachedness(ordinal, node.detachedness);
            }
            if (node.location != null) {
                builder.addLocation(ordinal, node.location[0], node.location[1], node.location[2]);
            }
            if (node.displayLabel != null) {
                builder.addNodeLabel(ordinal, intern(strings, stringIndex, node.displayLabel));
            }
            ordinal++;
        }
        builder.setExtraNativeBytes(extraNativeBytes);
        for (NodeSpec node : nodes.values()) {
            for (EdgeSpec edge : node.edges) {
                int name = EdgeType.hasNumericName(edge.type) ? edge.index : intern(strings, stringIndex, edge.name);
                builder.addEdge(edge.type, name, ordinal(edge.target));
            }
        }
        return builder.build();
    }

    private static int intern(StringTable strings, Map<String, Integer> index, String text) {
        return index.computeIfAbsent(text, strings::add);
    }
}
