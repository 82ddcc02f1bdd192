package heapscope.parser.analysis;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.graph.StringTable;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.store.IntColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
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
 *
 * <p>Snapshots hold hundreds of thousands of plain objects, so nothing is allocated per object: property names are
 * ranked once in text order ({@link Vocabulary}) and objects are handled as sequences of ranks. Stateless. No IO.
 */
final class InterfaceDefinitions {
    /** Marks plain objects that match no definition; other nodes are never marked. */
    static final int NO_MATCH = -1;
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
    static List<Definition> inferAndApply(HeapGraph graph, int[] classNames, DerivedNames derived,
            CancelSignal cancel) {
        Vocabulary vocabulary = Vocabulary.of(graph, List.of());
        List<Definition> definitions = infer(vocabulary, cancel);
        int[] nameIndexByDefinition = new int[definitions.size()];
        Arrays.fill(nameIndexByDefinition, -1);
        match(vocabulary, definitions, (node, d) -> {
            if (nameIndexByDefinition[d] < 0) {
                nameIndexByDefinition[d] = derived.indexOf(definitions.get(d).name());
            }
            classNames[node] = nameIndexByDefinition[d];
        }, cancel);
        return definitions;
    }

    /**
     * The index in {@code definitions} of the interface each plain object of {@code graph} matches, by node ordinal,
     * or {@link #NO_MATCH}. Comparison applies one snapshot's definitions to another, as DevTools does.
     */
    static int[] match(HeapGraph graph, List<Definition> definitions, CancelSignal cancel) {
        List<String> texts = new ArrayList<>();
        definitions.forEach(d -> texts.addAll(d.properties()));
        int[] matches = new int[graph.nodeCount()];
        Arrays.fill(matches, NO_MATCH);
        match(Vocabulary.of(graph, texts), definitions, (node, d) -> matches[node] = d, cancel);
        return matches;
    }

    /** Hears that a plain object matches a definition. */
    @FunctionalInterface
    private interface MatchSink {
        void matched(int node, int definitionIndex);
    }

    private static List<Definition> infer(Vocabulary vocabulary, CancelSignal cancel) {
        HeapGraph graph = vocabulary.graph;
        IntColumn firstEdge = graph.firstEdgeIndex();
        LongObjectHashMap<Candidate> byHash = new LongObjectHashMap<>();
        List<Candidate> inOrder = new ArrayList<>();
        IntArrayList ranks = new IntArrayList();
        int plainObjects = 0;
        for (int node = 0, n = graph.nodeCount(); node < n; node++) {
            if ((node & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (!vocabulary.isPlainObject(node)) {
                continue;
            }
            plainObjects++;
            ranks.clear();
            int nameLength = 1; // "{"
            for (int e = firstEdge.get(node), end = firstEdge.get(node + 1); e < end; e++) {
                if (graph.edgeType(e) != EdgeType.PROPERTY) {
                    continue;
                }
                int rank = vocabulary.rankOf(graph.edgeNameIndex(e));
                if (rank == vocabulary.protoRank) {
                    continue;
                }
                int formatted = vocabulary.formattedLength[rank];
                if (nameLength > MIN_INTERFACE_PROPERTY_COUNT && nameLength + formatted > MAX_INTERFACE_NAME_LENGTH) {
                    break;
                }
                nameLength += (nameLength != 1 ? 2 : 0) + formatted;
                ranks.add(rank);
            }
            if (ranks.isEmpty()) {
                continue;
            }
            long hash = hash(ranks);
            Candidate candidate = byHash.get(hash);
            while (candidate != null && !candidate.hasRanks(ranks)) {
                candidate = candidate.sameHash;
            }
            if (candidate == null) {
                candidate = new Candidate(ranks.toArray(), byHash.get(hash));
                byHash.put(hash, candidate);
                inOrder.add(candidate);
            }
            candidate.count++;
        }
        inOrder.sort((a, b) -> Integer.compare(b.count, a.count)); // stable, like JS sort
        double minCount = Math.max(MIN_OBJECT_COUNT_PER_INTERFACE,
                (double) plainObjects / MIN_OBJECT_PROPORTION_PER_INTERFACE);
        List<Definition> result = new ArrayList<>();
        for (Candidate candidate : inOrder) {
            if (candidate.count < minCount) {
                break;
            }
            result.add(candidate.definition(vocabulary));
        }
        return result;
    }

    /** Tells {@code sink} the definition each plain object matches (objects matching none are not told). */
    private static void match(Vocabulary vocabulary, List<Definition> definitions, MatchSink sink,
            CancelSignal cancel) {
        TreeNode tree = new TreeNode();
        for (int index = 0; index < definitions.size(); index++) {
            List<String> properties = definitions.get(index).properties();
            int[] sorted = new int[properties.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = vocabulary.rankOfText(properties.get(i));
            }
            Arrays.sort(sorted);
            TreeNode current = tree;
            for (int rank : sorted) {
                TreeNode next = current.next.get(rank);
                if (next == null) {
                    next = new TreeNode();
                    current.next.put(rank, next);
                    current.greatestNext = Math.max(current.greatestNext, rank);
                }
                current = next;
            }
            if (current.match == null) {
                current.match = new Match(sorted.length, index);
            }
        }

        HeapGraph graph = vocabulary.graph;
        IntColumn firstEdge = graph.firstEdgeIndex();
        Match noMatch = new Match(0, Integer.MAX_VALUE);
        IntArrayList properties = new IntArrayList();
        List<TreeNode> states = new ArrayList<>();
        List<TreeNode> previous = new ArrayList<>();
        int stamp = 0;
        for (int node = 0, n = graph.nodeCount(); node < n; node++) {
            if ((node & 0xFFFF) == 0) {
                cancel.throwIfCanceled();
            }
            if (!vocabulary.isPlainObject(node)) {
                continue;
            }
            properties.clear();
            for (int e = firstEdge.get(node), end = firstEdge.get(node + 1); e < end; e++) {
                if (graph.edgeType(e) == EdgeType.PROPERTY) {
                    properties.add(vocabulary.rankOf(graph.edgeNameIndex(e)));
                }
            }
            Arrays.sort(properties.buffer, 0, properties.size());
            Match match = better(noMatch, tree.match);
            states.clear();
            states.add(tree);
            tree.inStates = ++stamp;
            // Each step looks at the states that existed before it, as DevTools iterates a copy of its state set.
            for (int p = 0; p < properties.size(); p++) {
                int property = properties.get(p);
                previous.clear();
                previous.addAll(states);
                for (TreeNode state : previous) {
                    if (state.greatestNext < 0 || property >= state.greatestNext) {
                        states.remove(state); // no further transitions are possible from this state
                        state.inStates = 0;
                    }
                    TreeNode next = state.next.get(property);
                    if (next != null) {
                        if (next.inStates != stamp) {
                            states.add(next);
                            next.inStates = stamp;
                        }
                        match = better(match, next.match);
                    }
                }
            }
            if (match != noMatch) {
                sink.matched(node, match.index());
            }
        }
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

    private static long hash(IntArrayList ranks) {
        long h = 1125899906842597L;
        for (int i = 0; i < ranks.size(); i++) {
            h = 31 * h + ranks.get(i);
        }
        return h;
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

    private record Match(int propertyCount, int index) {
    }

    /** A proposed interface: a sequence of property ranks, how many objects proposed it, others with its hash. */
    private static final class Candidate {
        final int[] ranks;
        final Candidate sameHash;
        int count;

        Candidate(int[] ranks, Candidate sameHash) {
            this.ranks = ranks;
            this.sameHash = sameHash;
        }

        boolean hasRanks(IntArrayList other) {
            if (other.size() != ranks.length) {
                return false;
            }
            for (int i = 0; i < ranks.length; i++) {
                if (ranks[i] != other.get(i)) {
                    return false;
                }
            }
            return true;
        }

        Definition definition(Vocabulary vocabulary) {
            StringBuilder name = new StringBuilder("{");
            List<String> properties = new ArrayList<>(ranks.length);
            for (int rank : ranks) {
                if (name.length() > 1) {
                    name.append(", ");
                }
                name.append(formatPropertyName(vocabulary.textByRank[rank]));
                properties.add(vocabulary.textByRank[rank]);
            }
            return new Definition(name.append('}').toString(), properties);
        }
    }

    /** A node of the definition tree: one step per added property, properties in rank (text) order. */
    private static final class TreeNode {
        final IntObjectHashMap<TreeNode> next = new IntObjectHashMap<>();
        Match match;
        int greatestNext = -1;
        /** Equal to the current object's stamp while this node is among the matching states. */
        int inStates;
    }

    /**
     * The property names of a heap's plain objects (and any extra texts, such as another snapshot's definitions),
     * each decoded once and ranked in text order: comparing ranks compares the names as JavaScript does.
     */
    private static final class Vocabulary {
        final HeapGraph graph;
        private final NameMask object;
        /** Rank by string index, for the strings that name a plain object's property; -1 for the others. */
        private final int[] rankByString;
        private final Map<String, Integer> rankByText;
        final String[] textByRank;
        final int[] formattedLength;
        final int protoRank;

        private Vocabulary(HeapGraph graph, NameMask object, int[] rankByString, Map<String, Integer> rankByText,
                String[] textByRank) {
            this.graph = graph;
            this.object = object;
            this.rankByString = rankByString;
            this.rankByText = rankByText;
            this.textByRank = textByRank;
            this.formattedLength = new int[textByRank.length];
            for (int r = 0; r < textByRank.length; r++) {
                formattedLength[r] = formatPropertyName(textByRank[r]).length();
            }
            this.protoRank = rankByText.getOrDefault("__proto__", -1);
        }

        static Vocabulary of(HeapGraph graph, List<String> extraTexts) {
            StringTable strings = graph.strings();
            NameMask object = NameMask.of(strings, "Object");
            BitSet used = new BitSet(strings.size());
            IntColumn firstEdge = graph.firstEdgeIndex();
            for (int node = 0, n = graph.nodeCount(); node < n; node++) {
                if (graph.nodeTypes().get(node) == NodeType.OBJECT && object.test(graph.nodeNames().get(node))) {
                    for (int e = firstEdge.get(node), end = firstEdge.get(node + 1); e < end; e++) {
                        if (graph.edgeType(e) == EdgeType.PROPERTY) {
                            used.set(graph.edgeNameIndex(e));
                        }
                    }
                }
            }
            Map<String, Integer> rankByText = new HashMap<>();
            List<String> texts = new ArrayList<>(extraTexts);
            for (int s = used.nextSetBit(0); s >= 0; s = used.nextSetBit(s + 1)) {
                texts.add(strings.get(s));
            }
            String[] sorted = texts.stream().distinct().sorted().toArray(String[]::new);
            for (int r = 0; r < sorted.length; r++) {
                rankByText.put(sorted[r], r);
            }
            int[] rankByString = new int[strings.size()];
            Arrays.fill(rankByString, -1);
            for (int s = used.nextSetBit(0); s >= 0; s = used.nextSetBit(s + 1)) {
                rankByString[s] = rankByText.get(strings.get(s));
            }
            return new Vocabulary(graph, object, rankByString, rankByText, sorted);
        }

        boolean isPlainObject(int node) {
            return graph.nodeTypes().get(node) == NodeType.OBJECT && object.test(graph.nodeNames().get(node));
        }

        int rankOf(int stringIndex) {
            return rankByString[stringIndex];
        }

        int rankOfText(String text) {
            return rankByText.get(text);
        }
    }
}
