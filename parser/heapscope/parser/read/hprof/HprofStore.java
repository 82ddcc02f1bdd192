package heapscope.parser.read.hprof;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.ObjectContents;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.read.hprof.index.RecordOffsets;
import heapscope.parser.read.hprof.input.GzipMemberIndex;
import heapscope.parser.read.hprof.objects.HprofObjectContents;
import heapscope.parser.read.hprof.objects.ObjectDetailsSource;
import heapscope.parser.read.hprof.objects.StoredObjectContents;
import heapscope.parser.read.hprof.objects.StoredStringTexts;
import heapscope.parser.read.hprof.objects.StringTextSweep;
import heapscope.parser.store.ArraySink;
import heapscope.parser.store.ArraySource;
import heapscope.parser.store.Blob;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Stores what an HPROF graph's views read from its dump, under names starting with {@code hprof.}: the text of every
 * String (read in one pass, see {@link StringTextSweep}), and what finds an object's record again for its field
 * values (record offsets, gzip members, the classes' field names and types). Restored, Strings show their text
 * without the dump, and field values are read from the dump when it is there. Stateless. Reads the dump and the
 * store.
 */
public final class HprofStore {

    private HprofStore() {
    }

    /**
     * Whether the graph reads its objects from an HPROF dump (directly, or from a store with the dump beside it), so
     * that {@link #save} has something to store.
     */
    public static boolean stores(HeapGraph graph) {
        return hprofContents(graph.objectContents()) != null;
    }

    private static HprofObjectContents hprofContents(ObjectContents contents) {
        if (contents instanceof StoredObjectContents stored) {
            contents = stored.dump();
        }
        return contents instanceof HprofObjectContents hprof ? hprof : null;
    }

    /**
     * Stores the graph's dump details ({@link #saveDetails}) and its Strings' text ({@link #saveTexts}).
     *
     * @throws IOException when the dump cannot be read as it was when the graph was built
     */
    public static void save(HeapGraph graph, ArraySink sink, CancelSignal cancel) throws IOException {
        saveDetails(graph, sink);
        saveTexts(graph, sink, cancel);
    }

    /** Stores what finds an object's record in the dump again (fixed once the graph is read). */
    public static void saveDetails(HeapGraph graph, ArraySink sink) throws IOException {
        ObjectDetailsSource details = hprofContents(graph.objectContents()).source();
        Blob.Writer header = new Blob.Writer().putInt(details.idSize).putInt(details.objectBase)
                .putBoolean(details.utf16BigEndian).putBoolean(details.gzipMembers != null)
                .putInt(details.classes.size());
        for (int i = 0; i < details.classes.size(); i++) {
            HprofClass c = details.classes.get(i);
            header.putLong(c.id).putString(c.javaName).putInt(c.superIndex).putInt(c.fieldTypes.length);
            for (int f = 0; f < c.fieldTypes.length; f++) {
                header.putInt(c.fieldTypes[f]).putString(c.fieldNames[f]);
            }
            int statics = c.staticNames == null ? 0 : c.staticNames.length;
            header.putInt(statics);
            for (int s = 0; s < statics; s++) {
                header.putString(c.staticNames[s]);
            }
        }
        sink.bytes("hprof.header", header.toByteArray());
        details.recordOffsets.save(sink, "hprof.recordOffsets");
        if (details.gzipMembers != null) {
            details.gzipMembers.save(sink, "hprof.gzipMembers");
        }
    }

    /**
     * Stores the Strings' text: one pass over the dump, unless the graph was itself restored from a store and has
     * them already.
     *
     * @throws IOException when the dump cannot be read as it was when the graph was built
     */
    public static void saveTexts(HeapGraph graph, ArraySink sink, CancelSignal cancel) throws IOException {
        if (graph.objectContents() instanceof StoredObjectContents stored) {
            stored.texts().save(sink, "hprof.texts");
        } else {
            ObjectDetailsSource details = hprofContents(graph.objectContents()).source();
            StringTextSweep.sweep(graph, details, StoredStringTexts.TEXT_CHARS, sink, "hprof.texts", cancel);
        }
    }

    /**
     * The object contents of a graph of {@code nodeCount} nodes that {@link #save} stored.
     *
     * @param dump the dump the store was made from (the caller has checked that it is that dump), or null when it is
     *     not there
     * @param whyNoDump when {@code dump} is null: the sentence the Fields pane shows instead of field values
     */
    public static ObjectContents load(ArraySource source, int nodeCount, Path dump, String whyNoDump)
            throws IOException {
        StoredStringTexts texts = StoredStringTexts.load(source, "hprof.texts");
        if (dump == null) {
            return new StoredObjectContents(texts, ObjectContents.none(whyNoDump));
        }
        Blob.Reader header = new Blob.Reader(source.bytes("hprof.header"));
        int idSize = header.getInt();
        int objectBase = header.getInt();
        boolean utf16BigEndian = header.getBoolean();
        boolean gzip = header.getBoolean();
        StoreFormatException.check((idSize == 4 || idSize == 8) && objectBase > 0 && objectBase <= nodeCount,
                "hprof.header is out of range");
        ClassDefinitions classes = loadClasses(header);
        RecordOffsets offsets = RecordOffsets.load(source, "hprof.recordOffsets", nodeCount - objectBase);
        GzipMemberIndex members = gzip ? GzipMemberIndex.load(source, "hprof.gzipMembers") : null;
        ObjectDetailsSource details = new ObjectDetailsSource(dump, members, offsets, classes, idSize, objectBase,
                utf16BigEndian);
        return new StoredObjectContents(texts, HprofObjectContents.of(details));
    }

    private static ClassDefinitions loadClasses(Blob.Reader header) throws StoreFormatException {
        int count = header.getInt();
        header.checkCount(count, 24);
        ClassDefinitions classes = new ClassDefinitions();
        for (int i = 0; i < count; i++) {
            long id = header.getLong();
            String javaName = header.getString();
            int superIndex = header.getInt();
            int fieldCount = header.getInt();
            header.checkCount(fieldCount, 8);
            byte[] fieldTypes = new byte[fieldCount];
            String[] fieldNames = new String[fieldCount];
            for (int f = 0; f < fieldCount; f++) {
                fieldTypes[f] = (byte) header.getInt();
                fieldNames[f] = header.getString();
            }
            int staticCount = header.getInt();
            header.checkCount(staticCount, 4);
            String[] staticNames = new String[staticCount];
            for (int s = 0; s < staticCount; s++) {
                staticNames[s] = header.getString();
            }
            StoreFormatException.check(superIndex >= -1 && superIndex < count, "a class has no superclass");
            HprofClass c = new HprofClass(id, 0, 0, 0, 0, 0, new int[0], new byte[0], new long[0], new long[0],
                    new byte[0], new long[0], new long[0], fieldTypes);
            c.javaName = javaName;
            c.superIndex = superIndex;
            c.fieldNames = fieldNames;
            c.staticNames = staticNames;
            StoreFormatException.check(classes.add(c), "two classes with id " + id);
        }
        return classes;
    }
}
