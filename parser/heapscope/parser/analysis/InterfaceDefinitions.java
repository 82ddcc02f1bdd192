package heapscope.parser.analysis;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.progress.CancelSignal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Names plain objects (V8 objects named {@code Object}) after the "interface" they have, such as {@code {x, y}}, as
 * DevTools does ({@code inferInterfaceDefinitions} and {@code applyInterfaceDefinitions} in HeapSnapshot.ts).
 *
 * <p>Inference: every plain object proposes the list of its property names in edge order (without {@code __proto__},
 * stopping before the name would pass 120 characters); a proposal made by at least 2 objects and by at least one in a
 * thousand plain objects becomes a definition, most frequent first (ties in order of first appearance). Application:
 * each plain object takes the definition with the most properties that are all among its own, the earlier definition
 * on a tie, found by walking a tree of the definitions' sorted property names; no match leaves it {@code Object}.
 * Stateless. No IO.
 */
final class InterfaceDefinitions {
    private static final int MIN_INTERFACE_PROPERTY_COUNT = 1;
    private static final int MAX_INTERFACE_NAME_LENGTH = 120;
    private static final int MIN_OBJECT_COUNT_PER_INTERFACE = 2;
    private static final int MIN_OBJECT_PROPORTION_PER_INTERFACE = 1000;

    private InterfaceDefinitions() {
    }

    /** A named list of properties; the list is in the order the first proposing object had them. */
    record Definition(String name, List<String> properties) {
    }

    /** Infers the definitions from {@code graph}, renames its plain objects in {@code classNames}, returns them. */
    static List<Definition> inferAndApply(HeapGraph graph, int[] classNames, CancelSignal cancel) {
        PropertyNames propertyNames = new PropertyNames(graph);
        List<Definition> definitions = infer(graph, propertyNames, cancel);
        int[] matches = match(graph, propertyNames, definitions, cancel);
        Map<Integer, Integer> nameIndexByDefinition = new HashMap<>();
        for (int node = 0; node < matches.length; node++) {
            if (matches[node] != NO_MATCH) {
                classNames[node] = nameIndexByDefinition.computeIfAbsent(matches[node],
                        d -> graph.strings().add(definitions.get(d).name()));
            }
        }
        return definitions;
    }

    static List<Definition> infer(HeapGraph graph, PropertyNames propertyNames, CancelSignal cancel) {
        Map<String, int[]> countByName = new LinkedHashMap<>();
        Map<String, List<String>> propertiesByName = new HashMap<>();
        int plainObjects = 0;
        NameMask object = NameMask.of(graph.strings(), "Object");
        int[] firstEdge = graph.firstEdgeIndex();
        byte[] edgeTypes = graph.edgeTypes();
        int[] edgeNames = graph.edgeNames();
        for (int node = 0, n = graph.nodeCount(); node < n; node++) {
            if ((node & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (!isPlainObject(graph, object, node)) {
                continue;
            }
            plainObjects++;
            StringBuilder name = new StringBuilder("{");
            List<String> properties = new ArrayList<>();
            for (int e = firstEdge[node], end = firstEdge[node + 1]; e < end; e++) {
                if (edgeTypes[e] != EdgeType.PROPERTY) {
                    continue;
                }
                String property = propertyNames.get(edgeNames[e]);
                if (property.equals("__proto__")) {
                    continue;
                }
                String formatted = formatPropertyName(property);
                if (name.length() > MIN_INTERFACE_PROPERTY_COUNT
                        && name.length() + formatted.length() > MAX_INTERFACE_NAME_LENGTH) {
                    break;
                }
                if (name.length() != 1) {
                    name.append(", ");
                }
                name.append(formatted);
                properties.add(property);
            }
            if (properties.isEmpty()) {
                continue;
            }
            String interfaceName = name.append('}').toString();
            int[] count = countByName.get(interfaceName);
            if (count == null) {
                countByName.put(interfaceName, new int[] {1});
                propertiesByName.put(interfaceName, properties);
            } else {
                count[0]++;
            }
        }
        List<Map.Entry<String, int[]>> candidates = new ArrayList<>(countByName.entrySet());
        candidates.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0])); // stable, like JS sort
        double minCount = Math.max(MIN_OBJECT_COUNT_PER_INTERFACE,
                (double) plainObjects / MIN_OBJECT_PROPORTION_PER_INTERFACE);
        List<Definition> result = new ArrayList<>();
        for (Map.Entry<String, int[]> candidate : candidates) {
            if (candidate.getValue()[0] < minCount) {
                break;
            }
            result.add(new Definition(candidate.getKey(), propertiesByName.get(candidate.getKey())));
        }
        return result;
    }

    /** Marks plain objects that match no definition; other nodes are never marked. */
    static final int NO_MATCH = -1;

    /**
     * The index in {@code definitions} of the interface each plain object matches, by node ordinal, or
     * {@link #NO_MATCH}. Comparison applies one snapshot's definitions to another, as DevTools does.
     */
    static int[] match(HeapGraph graph, PropertyNames propertyNames, List<Definition> definitions,
            CancelSignal cancel) {
        TreeNode tree = new TreeNode();
        for (int index = 0; index < definitions.size(); index++) {
            Definition definition = definitions.get(index);
            List<String> sorted = new ArrayList<>(definition.properties());
            Collections.sort(sorted);
            TreeNode current = tree;
            for (String property : sorted) {
                TreeNode next = current.next.get(property);
                if (next == null) {
                    next = new TreeNode();
                    current.next.put(property, next);
                    if (current.greatestNext == null || current.greatestNext.compareTo(property) < 0) {
                        current.greatestNext = property;
                    }
                }
                current = next;
            }
            if (current.match == null) {
                current.match = new Match(definition.name(), sorted.size(), index);
            }
        }

        Match noMatch = new Match("Object", 0, Integer.MAX_VALUE);
        NameMask object = NameMask.of(graph.strings(), "Object");
        int[] matches = new int[graph.nodeCount()];
        java.util.Arrays.fill(matches, NO_MATCH);
        int[] firstEdge = graph.firstEdgeIndex();
        byte[] edgeTypes = graph.edgeTypes();
        int[] edgeNames = graph.edgeNames();
        List<String> properties = new ArrayList<>();
        for (int node = 0, n = graph.nodeCount(); node < n; node++) {
            if ((node & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (!isPlainObject(graph, object, node)) {
                continue;
            }
            properties.clear();
            for (int e = firstEdge[node], end = firstEdge[node + 1]; e < end; e++) {
                if (edgeTypes[e] == EdgeType.PROPERTY) {
                    properties.add(propertyNames.get(edgeNames[e]));
                }
            }
            Collections.sort(properties);
            Match match = better(noMatch, tree.match);
            LinkedHashSet<TreeNode> states = new LinkedHashSet<>();
            states.add(tree);
            for (String property : properties) {
                for (TreeNode state : new ArrayList<>(states)) {
                    if (state.greatestNext == null || property.compareTo(state.greatestNext) >= 0) {
                        states.remove(state); // no further transitions are possible from this state
                    }
                    TreeNode next = state.next.get(property);
                    if (next != null) {
                        states.add(next);
                        match = better(match, next.match);
                    }
                }
            }
            if (match != noMatch) {
                matches[node] = match.index();
            }
        }
        return matches;
    }

    private static boolean isPlainObject(HeapGraph graph, NameMask object, int node) {
        return graph.nodeTypes()[node] == NodeType.OBJECT && object.test(graph.nodeNames()[node]);
    }

    private static Match better(Match a, Match b) {
        if (b == null || a.propertyCount() > b.propertyCount()) {
            return a;
        }
        if (b.propertyCount() > a.propertyCount()) {
            return b;
        }
        return a.index() <= b.index() ? a : b;
    }

    /**
     * DevTools' {@code formatPropertyName}: a name holding a comma, quote or brace is shown as a JSON string, so that
     * the interface name stays unambiguous.
     */
    static String formatPropertyName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == '\'' || c == '"' || c == '{' || c == '}') {
                return JsonText.quote(name);
            }
        }
        return name;
    }

    private record Match(String name, int propertyCount, int index) {
    }

    /** A node of the definition tree: one step per added property, properties in sorted order. */
    private static final class TreeNode {
        final Map<String, TreeNode> next = new HashMap<>();
        Match match;
        String greatestNext;
    }

    /** Decodes each property-name string once. */
    static final class PropertyNames {
        private final StringTable strings;
        private final String[] byIndex;

        PropertyNames(HeapGraph graph) {
            this.strings = graph.strings();
            this.byIndex = new String[strings.size()];
        }

        String get(int index) {
            String name = byIndex[index];
            if (name == null) {
                name = strings.get(index);
                byIndex[index] = name;
            }
            return name;
        }
    }
}
