package heapscope.parser.read.hprof;

import com.carrotsearch.hppc.IntIntHashMap;
import heapscope.parser.graph.FileNotes;
import heapscope.parser.graph.GraphFormatException;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.HeapGraphBuilder;
import heapscope.parser.graph.StringTable;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.FileStamp;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.HeapInput;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.read.hprof.format.HprofFormatException;
import heapscope.parser.read.hprof.format.HprofRootKind;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.read.hprof.index.ObjectIdIndex;
import heapscope.parser.read.hprof.index.SymbolTable;
import heapscope.parser.read.hprof.input.ByteSource;
import heapscope.parser.read.hprof.input.DumpInput;
import heapscope.parser.read.hprof.input.EndOfDataException;
import heapscope.parser.read.hprof.input.FileByteSource;
import heapscope.parser.read.hprof.input.GzipByteSource;
import heapscope.parser.read.hprof.input.GzipMemberIndex;
import heapscope.parser.read.hprof.input.HprofHeader;
import heapscope.parser.read.hprof.layout.LayoutInference;
import heapscope.parser.read.hprof.layout.ObjectLayout;
import heapscope.parser.read.hprof.objects.HprofObjectContents;
import heapscope.parser.read.hprof.objects.HprofObjectReader;
import heapscope.parser.read.hprof.objects.ObjectDetailsSource;
import heapscope.parser.read.hprof.pass.ClassResolver;
import heapscope.parser.read.hprof.pass.ContentHashes;
import heapscope.parser.read.hprof.pass.GraphPass;
import heapscope.parser.read.hprof.pass.IndexingPass;
import heapscope.parser.read.hprof.pass.Interner;
import heapscope.parser.read.hprof.pass.RootPlan;
import heapscope.parser.store.Columns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Java heap dump ({@code .hprof}: versions 1.0.1, 1.0.2 and Android's 1.0.3, identifier size 4 or 8, plain
 * or gzip-compressed as {@code jcmd GC.heap_dump -gz} writes it, told apart by the magic bytes) into a
 * {@link HeapGraph} with exact shallow sizes, in two streaming passes:
 * <ol>
 *   <li>{@link Phase#READING_FILE}: every record once: symbols, classes, roots, and the id and offset of every
 *       object ({@link IndexingPass});</li>
 *   <li>{@link Phase#INDEXING_OBJECTS}: ids sorted into an index, the object layout inferred
 *       ({@link LayoutInference}), roots resolved ({@link RootPlan});</li>
 *   <li>{@link Phase#BUILDING_GRAPH}: the heap dump records again, emitting nodes and edges in ordinal order
 *       ({@link GraphPass}).</li>
 * </ol>
 * Memory: the graph's arrays; while reading, 8 bytes per object for the ids in file order (pass 1) and 12 for the
 * sorted id index (pass 2); afterwards 4 per object for record offsets (for {@link HprofObjectReader}). When the
 * memory estimate puts the big arrays off the heap, the id index and the record offsets go there too. Progress is
 * reported in bytes of the file in the two passes; cancellation is checked on every buffer refill.
 *
 * <p>Stateless and thread-safe; each call reads its own file. Does IO.
 */
public final class HprofReader {
    private static final int BUFFER_SIZE = 1 << 20;

    private final Path file;
    private final ProgressListener listener;
    private final CancelSignal cancel;
    private final boolean gzip;
    private final GzipMemberIndex gzipMembers;
    private int bootClassesRooted;

    private HprofReader(Path file, ProgressListener listener, CancelSignal cancel) throws IOException {
        this.file = file;
        this.listener = listener;
        this.cancel = cancel;
        this.gzip = HeapInput.isGzip(file);
        this.gzipMembers = gzip ? new GzipMemberIndex() : null;
    }

    /**
     * Reads the dump.
     *
     * @return the graph with the layout, warnings and counts; a dump cut short still opens with what was read, and a
     *     warning says where it stopped
     * @throws HeapFileException when the file is not a readable dump: a one-sentence message naming the file and,
     *     where it applies, the byte offset (unknown version, identifier size other than 4 or 8, an unknown record or
     *     sub-record tag, a corrupt gzip member, ...)
     *     or a file that changed between or during the passes ({@link FileStamp#CHANGED}), or one whose graph would
     *     not fit in the memory left ({@link heapscope.parser.read.NotEnoughMemoryException})
     * @throws IOException when the file cannot be read
     * @throws heapscope.parser.progress.CanceledException when {@code cancel} is raised
     */
    public static HprofHeap read(Path file, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        FileStamp stamp = FileStamp.of(file);
        try {
            HprofHeap heap = new HprofReader(file, listener, cancel).read();
            stamp.check(file);
            return heap;
        } catch (HprofFormatException | GraphFormatException e) {
            stamp.check(file);
            throw new HeapFileException(file, e.getMessage());
        } catch (PassesDisagree e) {
            throw FileStamp.changedError(file);
        } catch (MemoryEstimate.TooLarge e) {
            throw e.toException(file);
        } catch (UncheckedIOException e) {
            stamp.check(file);
            throw e.getCause();
        } catch (RuntimeException e) {
            stamp.check(file); // bytes that changed under the reader explain any failure
            throw e;
        }
    }

    /** The second pass did not find what the first one did: the file changed between them. */
    private static final class PassesDisagree extends RuntimeException {
        PassesDisagree(Throwable cause) {
            super(cause);
        }
    }

    private HprofHeap read() throws IOException {
        listener.phaseStarted(Phase.READING_FILE);
        HprofHeader header;
        IndexingPass pass1;
        try (DumpInput in = open()) {
            header = HprofHeader.read(in);
            in.setIdSize(header.idSize());
            long dataSize = gzip ? -1 : Files.size(file);
            in.setDataEnd(dataSize);
            pass1 = new IndexingPass(in, header, dataSize);
            pass1.run();
        }
        int idSize = header.idSize();

        listener.phaseStarted(Phase.INDEXING_OBJECTS);
        long objectCount = pass1.objectCount();
        if (objectCount == 0) {
            throw new HprofFormatException(pass1.stoppedAt != null
                    ? pass1.stoppedAt + "; there is no complete object before that"
                    : "the file holds no heap dump objects");
        }
        ClassResolver.resolve(pass1, idSize);
        checkedCount(objectCount + 1 + HprofRootKind.values().length, "objects");
        // Before the index and the graph are allocated: the first pass knows how many objects and edges at most.
        Columns columns = MemoryEstimate.forHprof(objectCount, pass1.objectEdgeBound).columns(pass1.retainedBytes());
        listener.progress(1, 4);
        pass1.recordOffsets.finish(columns);
        ObjectIdIndex index = ObjectIdIndex.build(pass1.objectIds, columns, cancel);
        pass1.objectIds.clear();
        listener.progress(2, 4);
        LayoutInference.Result inferred = LayoutInference.infer(header, pass1.classes, pass1.symbols, pass1.evidence,
                index);
        ObjectLayout layout = inferred.layout();
        applySizes(pass1.classes, inferred, layout);
        listener.progress(3, 4);

        StringTable strings = new StringTable();
        Interner names = new Interner(strings);
        ClassResolver.nameEdges(pass1, names);
        RootPlan roots = RootPlan.build(pass1, index, names);
        int groups = roots.groupKinds.length;
        long nodes = 1L + groups + objectCount;
        long edgeBound = groups + roots.groupEdgeCount() + roots.localTargets.length + pass1.objectEdgeBound;
        HeapGraphBuilder builder = new HeapGraphBuilder(HeapFormat.HPROF, checkedCount(nodes, "nodes"),
                checkedCount(edgeBound, "references"), strings, columns);
        builder.setCreatedMillis(header.timestampMillis());
        listener.progress(4, 4);

        listener.phaseStarted(Phase.BUILDING_GRAPH);
        GraphPass pass2;
        try (DumpInput in = open()) {
            in.setIdSize(idSize);
            in.skip(header.length());
            pass2 = new GraphPass(in, pass1, index, roots, builder, layout, names, cancel);
            try {
                pass2.run();
            } catch (IllegalStateException | EndOfDataException | HprofFormatException e) {
                // The first pass read these very records without fault: the bytes under the second one differ.
                throw new PassesDisagree(e);
            }
        }
        builder.trimEdgeCapacityToAdded();
        HprofStatistics statistics = new HprofStatistics(pass1.instanceCount, pass1.objectArrayCount,
                pass1.primitiveArrayCount, pass1.classDumpCount, pass1.symbols.size(), roots.declaredByKind,
                roots.droppedByKind, roots.localTargets.length, pass2.droppedReferences, index.duplicateCount(),
                pass2.objectsOfUnknownClass, pass2.gapsMatchingSize, pass2.gapsSmallerThanSize,
                pass2.gapsLargerThanSize);
        List<String> warnings = warnings(pass1, roots, statistics);
        bootClassesRooted = roots.bootClassesRooted;
        builder.setFileNotes(new FileNotes(details(header, layout, statistics), warnings));
        ObjectDetailsSource details = new ObjectDetailsSource(file, gzipMembers, pass1.recordOffsets, pass1.classes,
                idSize, 1 + groups, utf16BigEndian(pass1.classes));
        builder.setObjectContents(HprofObjectContents.of(details));
        HeapGraph graph = builder.build();
        ContentHashes.foldValues(graph);

        IntIntHashMap classNames = new IntIntHashMap(pass1.classes.size() * 2);
        for (int i = 0; i < pass1.classes.size(); i++) {
            HprofClass c = pass1.classes.get(i);
            classNames.put(1 + groups + index.fileIndexOf(c.id), c.nameIndex);
        }
        return new HprofHeap(file, graph, header, layout, warnings, pass1.stoppedAt != null, statistics, classNames,
                details);
    }

    private DumpInput open() throws IOException {
        ByteSource source = gzip ? new GzipByteSource(file, listener, cancel, gzipMembers.size() == 0 ? gzipMembers
                : new GzipMemberIndex()) : new FileByteSource(file, listener, cancel);
        return new DumpInput(source, BUFFER_SIZE);
    }

    /** Sets each class's instance and mirror size under the inferred layout. */
    private static void applySizes(ClassDefinitions classes, LayoutInference.Result inferred, ObjectLayout layout) {
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            // Instances of java.lang.Class in the file are the primitive mirrors (int.class, ...): no statics.
            c.instanceSize = "java.lang.Class".equals(c.javaName) ? layout.align(layout.classMirrorBaseSize())
                    : inferred.instanceSizes()[i];
            c.mirrorSize = inferred.sizes().mirrorSize(i, layout.classMirrorBaseSize());
        }
    }

    /** Whether UTF-16 string bytes are big-endian: {@code java.lang.StringUTF16.HI_BYTE_SHIFT} is 8 then. */
    private static boolean utf16BigEndian(ClassDefinitions classes) {
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            if ("java.lang.StringUTF16".equals(c.javaName)) {
                for (int s = 0; s < c.staticTypes.length; s++) {
                    if ("HI_BYTE_SHIFT".equals(c.staticNames[s])) {
                        return c.staticValues[s] == 8;
                    }
                }
            }
        }
        return false; // x86 and aarch64 are little-endian
    }

    /** What {@code info} shows about an HPROF file: format, counts, layout and its evidence, roots, edge rules. */
    private List<FileNotes.Detail> details(HprofHeader header, ObjectLayout layout, HprofStatistics statistics) {
        List<FileNotes.Detail> details = new ArrayList<>();
        details.add(new FileNotes.Detail("HPROF", header.version() + ", " + header.idSize() + "-byte identifiers"
                + (gzip ? ", gzip-compressed in " + gzipMembers.size() + " members" : "")));
        details.add(new FileNotes.Detail("objects", statistics.instances() + " instances, "
                + statistics.objectArrays() + " object arrays, " + statistics.primitiveArrays()
                + " primitive arrays, " + statistics.classes() + " classes"));
        details.add(new FileNotes.Detail("object layout", layout.describe()));
        for (String evidence : layout.evidence()) {
            details.add(new FileNotes.Detail("layout evidence", evidence));
        }
        long checked = statistics.gapsMatchingSize() + statistics.gapsSmallerThanSize()
                + statistics.gapsLargerThanSize();
        if (checked > 0) {
            details.add(new FileNotes.Detail("size check", statistics.gapsMatchingSize() + " of " + checked
                    + " objects followed by a neighbour in the file end exactly where it starts; "
                    + statistics.gapsSmallerThanSize() + " would overlap it"));
        }
        StringBuilder roots = new StringBuilder();
        for (HprofRootKind kind : HprofRootKind.values()) {
            Integer n = statistics.rootRecordsByKind().get(kind);
            if (n != null) {
                roots.append(roots.length() == 0 ? "" : ", ").append(kind.label()).append(' ').append(n);
            }
        }
        details.add(new FileNotes.Detail("GC root records", roots + "; " + statistics.threadLocalEdges()
                + " Java-frame and JNI-local roots are edges from their thread instead; " + bootClassesRooted
                + " boot-loader classes without a record (array and hidden classes) are sticky-class roots too"));
        details.add(new FileNotes.Detail("class objects", "nodes named java.lang.Class (as jcmd GC.class_histogram"
                + " counts them), sized as their mirror: a " + layout.classMirrorBaseSize()
                + "-byte java.lang.Class instance plus the class's static fields"));
        details.add(new FileNotes.Detail("weak edges", "java.lang.ref.Reference.referent (weak, soft, phantom and"
                + " final references) is a weak edge: it does not retain, and distances and retainer paths do not"
                + " follow it"));
        return details;
    }

    private List<String> warnings(IndexingPass pass1, RootPlan roots, HprofStatistics statistics) {
        List<String> warnings = new ArrayList<>();
        if (pass1.stoppedAt != null) {
            warnings.add(pass1.truncation() + (gzip ? " (byte offsets count decompressed bytes)" : "")
                    + (statistics.droppedReferences() > 0 ? " (" + statistics.droppedReferences() + " references)"
                    : ""));
        } else if (statistics.droppedReferences() > 0) {
            warnings.add(statistics.droppedReferences() + " references name objects that are not in the dump; they"
                    + " were dropped (normal with class data sharing: HotSpot does not dump the archived objects of"
                    + " classes not loaded yet)");
        }
        warnings.addAll(pass1.warnings);
        if (statistics.droppedRoots() > 0) {
            StringBuilder kinds = new StringBuilder();
            for (Map.Entry<HprofRootKind, Integer> e : statistics.droppedRootsByKind().entrySet()) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(e.getValue()).append(' ')
                        .append(e.getKey().label());
            }
            warnings.add(statistics.droppedRoots() + " GC root records name objects that are not in the dump ("
                    + kinds + "); they were dropped");
        }
        if (statistics.duplicateIds() > 0) {
            warnings.add(statistics.duplicateIds() + " object records repeat an id already used; references go to"
                    + " the first record with the id");
        }
        if (statistics.objectsOfUnknownClass() > 0) {
            warnings.add(statistics.objectsOfUnknownClass() + " objects have a class that is not in the dump; their"
                    + " sizes are estimated from their field bytes");
        }
        if (pass1.instancesWithWrongFieldBytes > 0) {
            warnings.add(pass1.instancesWithWrongFieldBytes + " instances carry a different number of field bytes"
                    + " than their class declares; only the fields that fit were read");
        }
        if (roots.rootsAssumed) {
            warnings.add("the dump has no GC root records (HotSpot writes them last, so a dump cut short loses them):"
                    + " every class object and every java.lang.Thread are taken as roots instead, under \""
                    + HprofRootKind.ASSUMED_CLASS.groupNodeName() + "\" and \""
                    + HprofRootKind.ASSUMED_THREAD.groupNodeName() + "\"; what is reachable, distances and retained"
                    + " sizes are approximate");
        }
        if (pass1.classes.duplicates() > 0) {
            warnings.add(pass1.classes.duplicates() + " CLASS DUMP records repeat a class id; the first record of"
                    + " each is used");
        }
        if (pass1.repeatedSymbols > 0) {
            warnings.add(pass1.repeatedSymbols + " UTF8 records repeat an id; the first record of each is used");
        }
        if (pass1.repeatedLoadClasses > 0) {
            warnings.add(pass1.repeatedLoadClasses + " LOAD CLASS records give a class another name than an earlier"
                    + " one; the first name is used");
        }
        if (pass1.oversizedSymbols > 0) {
            warnings.add(pass1.oversizedSymbols + " UTF8 records are longer than any JVM symbol ("
                    + SymbolTable.MAX_SYMBOL_BYTES + " bytes); their text was skipped");
        }
        if (pass1.unreachableMarks > 0) {
            warnings.add(pass1.unreachableMarks + " obsolete Android UNREACHABLE records were ignored");
        }
        return warnings;
    }

    private static int checkedCount(long count, String what) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new HprofFormatException("the dump has " + count + " " + what + ", more than the "
                    + (Integer.MAX_VALUE - 8) + " a graph can hold");
        }
        return (int) count;
    }
}
