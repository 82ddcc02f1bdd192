package heapscope.parser.read.hprof.pass;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.ValueClasses;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.store.IntColumn;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Set;

/**
 * The content hash of every object: a hash of what it holds that still identifies it when the garbage collector has
 * moved it, so that dumps of one process can be matched object by object without addresses. It covers
 * <ul>
 *   <li>an instance's primitive field values (never its references, which are addresses), except the lazily computed
 *       hash caches of {@code java.lang.String};</li>
 *   <li>an array's length, and a primitive array's elements; the length's low bits are also kept as they are in
 *       the hash's {@link HeapGraph#ARRAY_LENGTH_BITS}, which no folding changes;</li>
 *   <li>a class object's class name;</li>
 *   <li>the values of the immutable value objects an object refers to (a String's text, a boxed number), folded in
 *       with the field or index that refers to them: two {@code HashMap$Node}s with one key and one cached hash have
 *       one content hash, whatever their addresses.</li>
 * </ul>
 * {@link #ofInstance}, {@link #ofArray} and {@link #ofClass} give the first three while the graph pass reads each
 * record; {@link #foldValues} adds the fourth once the graph is built.
 *
 * <p>Stateless; thread-safe. No IO.
 */
public final class ContentHashes {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long SEED = 0x9E3779B97F4A7C15L;
    /** Fields whose values a String computes lazily: they change without the String changing. */
    private static final Set<String> STRING_CACHES = Set.of("hash", "hashIsZero");

    private ContentHashes() {
    }

    /**
     * Where an instance's hashed values are within its record's field bytes: offset and length pairs, merged where
     * adjacent. Needs the class's reference plan and field names (after {@link ClassResolver#resolve}).
     */
    static int[] spansOf(HprofClass c, ClassDefinitions classes, int idSize) {
        int[] spans = new int[8];
        int count = 0;
        int at = 0;
        HprofClass k = c;
        int depth = 0;
        while (k != null && depth++ <= classes.size()) {
            boolean string = "java.lang.String".equals(k.javaName);
            for (int f = 0; f < k.fieldTypes.length; f++) {
                int type = k.fieldTypes[f];
                int size = HprofBasicType.sizeInFile(type, idSize);
                boolean cache = string && k.fieldNames[f] != null && STRING_CACHES.contains(k.fieldNames[f]);
                boolean hashed = type != HprofBasicType.OBJECT && !cache;
                if (hashed) {
                    if (count > 0 && spans[count - 2] + spans[count - 1] == at) {
                        spans[count - 1] += size;
                    } else {
                        if (count == spans.length) {
                            spans = Arrays.copyOf(spans, count * 2);
                        }
                        spans[count++] = at;
                        spans[count++] = size;
                    }
                }
                at += size;
            }
            k = k.superIndex < 0 ? null : classes.get(k.superIndex);
        }
        return Arrays.copyOf(spans, count);
    }

    /** The hash of an instance's field bytes {@code buffer[base, base + length)} over its class's spans. */
    static int ofInstance(byte[] buffer, int base, int length, int[] spans) {
        long h = SEED;
        for (int s = 0; s < spans.length; s += 2) {
            int from = spans[s];
            int n = Math.min(spans[s + 1], length - from);
            if (n <= 0) {
                break;
            }
            h = update(h, buffer, base + from, n);
        }
        return finish(h, length);
    }

    /** Starts an array's hash with its element type and length; add its elements with {@link #update}. */
    static long startArray(int elementType, long length) {
        return mix(SEED ^ elementType, length);
    }

    /** Adds bytes to a running hash. The result does not depend on how a byte run is cut, if every cut is at a multiple of 8. */
    static long update(long h, byte[] buffer, int from, int length) {
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            h = mix(h, (long) LONG.get(buffer, i));
        }
        for (; i < end; i++) {
            h = mix(h, buffer[i]);
        }
        return h;
    }

    static int finish(long h, long length) {
        return fold(mix(h, length));
    }

    /** Finishes an array's hash: {@link #finish}, with the length's low bits in {@link HeapGraph#ARRAY_LENGTH_BITS}. */
    static int finishArray(long h, long length) {
        return withLengthBits(finish(h, length), (int) length);
    }

    private static int withLengthBits(int hash, int lengthBits) {
        return (hash & ~HeapGraph.ARRAY_LENGTH_BITS) | (lengthBits & HeapGraph.ARRAY_LENGTH_BITS);
    }

    /** The hash of a class object: its class's name. Also the hash of any text. */
    static int ofClass(String javaName) {
        long h = SEED;
        for (int i = 0; i < javaName.length(); i++) {
            h = mix(h, javaName.charAt(i));
        }
        return finish(h, javaName.length());
    }

    /**
     * Folds the values of value objects (Strings, boxed numbers) into the hashes of the objects that refer to them.
     * A String's own hash becomes that of its text ({@code value} array and coder); then every other object mixes in,
     * for each property or element edge to a value object, the edge's name or index and the value's hash. Writes the
     * graph's content hashes in place (an array's length bits stay): call it once, before the graph is handed out.
     */
    public static void foldValues(HeapGraph graph) {
        IntColumn hashes = graph.contentHashes();
        int n = graph.nodeCount();
        boolean[] valueNames = new boolean[graph.strings().size()];
        boolean[] arrayNames = new boolean[valueNames.length];
        // Edge names by their text: string indexes differ between the dumps being matched.
        int[] textHashes = new int[valueNames.length];
        int stringName = -1;
        for (int s = 0; s < valueNames.length; s++) {
            String name = graph.strings().get(s);
            valueNames[s] = ValueClasses.isValueClass(name);
            arrayNames[s] = name.endsWith("[]");
            textHashes[s] = ofClass(name);
            if ("java.lang.String".equals(name)) {
                stringName = s;
            }
        }
        IntColumn names = graph.nodeNames();
        IntColumn firstEdge = graph.firstEdgeIndex();
        IntColumn targets = graph.edgeTargets();
        for (int node = 0; node < n; node++) {
            if (names.get(node) == stringName) {
                long h = mix(SEED, hashes.get(node));
                for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
                    if (graph.edgeType(e) == EdgeType.PROPERTY) {
                        h = mix(h, hashes.get(targets.get(e)));
                    }
                }
                hashes.set(node, fold(h));
            }
        }
        for (int node = 0; node < n; node++) {
            if (valueNames[names.get(node)]) {
                continue;
            }
            long h = 0;
            boolean any = false;
            for (int e = firstEdge.get(node); e < firstEdge.get(node + 1); e++) {
                byte type = graph.edgeType(e);
                int target = targets.get(e);
                if ((type == EdgeType.PROPERTY || type == EdgeType.ELEMENT) && valueNames[names.get(target)]) {
                    int name = graph.edgeNameIndex(e);
                    long edge = type == EdgeType.ELEMENT ? name : textHashes[name] ^ (1L << 40);
                    h = mix(mix(any ? h : mix(SEED, hashes.get(node)), edge), hashes.get(target));
                    any = true;
                }
            }
            if (any) {
                int folded = fold(h);
                hashes.set(node, arrayNames[names.get(node)] ? withLengthBits(folded, hashes.get(node)) : folded);
            }
        }
    }

    private static long mix(long h, long value) {
        long x = (h ^ value) * 0xBF58476D1CE4E5B9L;
        return (x ^ (x >>> 31)) * 0x94D049BB133111EBL;
    }

    private static int fold(long h) {
        h ^= h >>> 33;
        return (int) (h ^ (h >>> 29));
    }
}
