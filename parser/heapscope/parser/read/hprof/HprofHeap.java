package heapscope.parser.read.hprof;

import com.carrotsearch.hppc.IntIntHashMap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.read.hprof.input.HprofHeader;
import heapscope.parser.read.hprof.layout.ObjectLayout;
import heapscope.parser.read.hprof.objects.HprofObjectReader;
import heapscope.parser.read.hprof.objects.ObjectDetailsSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An HPROF dump read into a {@link HeapGraph}, with what the graph's format-neutral arrays do not hold: the header,
 * the inferred {@link ObjectLayout} behind every shallow size, warnings (a dump cut short, dropped roots and
 * references), counts, the name of the class each class-object node stands for, and a way to read object details
 * (field values, string contents) from the file on demand.
 *
 * <p>Graph mapping (see also the package documentation): node 0 is the synthetic root; its children are one synthetic group node per GC root kind
 * ({@code (GC roots: thread)}, {@code (GC roots: sticky class)}, ...); then every object record is an
 * {@code object} node named by its Java class ({@code java.util.HashMap$Node}, {@code byte[]},
 * {@code java.lang.String[]}; class objects are named {@code java.lang.Class}, as {@code jcmd GC.class_histogram}
 * counts them), with its address as id. Edges: {@code property} edges named by field ({@code static NAME} for
 * statics), {@code element} edges numbered by array index, {@code internal} edges {@code <class>} (every object to
 * its class), {@code <super>}, {@code <classloader>}, {@code <signers>}, {@code <protection_domain>},
 * {@code <resolved_references>}, {@code <init_lock>}, and from each thread to what its frames hold
 * ({@code <local in Main.run(Main.java:12)>}); {@code java.lang.ref.Reference.referent} is a {@code weak} edge.
 *
 * <p>Immutable; thread-safe. Only {@link #openObjectReader()} does IO.
 */
public final class HprofHeap {
    private final Path file;
    private final HeapGraph graph;
    private final HprofHeader header;
    private final ObjectLayout layout;
    private final List<String> warnings;
    private final boolean truncated;
    private final HprofStatistics statistics;
    /** String index of the class's Java name, by ordinal of its class-object node. */
    private final IntIntHashMap classNameByOrdinal;
    private final ObjectDetailsSource details;

    HprofHeap(Path file, HeapGraph graph, HprofHeader header, ObjectLayout layout, List<String> warnings,
            boolean truncated, HprofStatistics statistics, IntIntHashMap classNameByOrdinal,
            ObjectDetailsSource details) {
        this.file = file;
        this.graph = graph;
        this.header = header;
        this.layout = layout;
        this.warnings = List.copyOf(warnings);
        this.truncated = truncated;
        this.statistics = statistics;
        this.classNameByOrdinal = classNameByOrdinal;
        this.details = details;
    }

    public Path file() {
        return file;
    }

    public HeapGraph graph() {
        return graph;
    }

    public HprofHeader header() {
        return header;
    }

    /** The layout the shallow sizes follow, with the evidence it was inferred from. */
    public ObjectLayout layout() {
        return layout;
    }

    /**
     * Problems that did not stop reading, one sentence each: the dump was cut short (where, and what is missing),
     * root records or references naming objects the file lacks, duplicate ids.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether the file ended before the dump did; {@link #warnings()} says where. */
    public boolean truncated() {
        return truncated;
    }

    public HprofStatistics statistics() {
        return statistics;
    }

    /**
     * For a class-object node (named {@code java.lang.Class}), the Java name of the class it stands for, e.g.
     * {@code java.util.HashMap}; null for any other node.
     */
    public String classNameOf(int ordinal) {
        int index = classNameByOrdinal.getOrDefault(ordinal, -1);
        return index < 0 ? null : graph.strings().get(index);
    }

    /** Whether the node is a class object (a CLASS DUMP record). */
    public boolean isClassObject(int ordinal) {
        return classNameByOrdinal.containsKey(ordinal);
    }

    /** Opens the file for reading object details on demand; close it when done. Does IO. */
    public HprofObjectReader openObjectReader() throws IOException {
        return new HprofObjectReader(graph, details);
    }

    /** Bytes this heap keeps beside the graph (record offsets, class details for the object reader). */
    public long metadataBytes() {
        return details.retainedBytes() + 12L * classNameByOrdinal.keys.length;
    }
}
