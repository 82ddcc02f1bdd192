package heapscope.parser.read.hprof.objects;

import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.ObjectContents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java object's String text and field values, read from the dump when a view shows them. Each read opens the file,
 * seeks to the object's record (and a String's value array's), and closes it again, so it is thread-safe and holds no
 * file open. Offered only where a read is cheap: plain dumps, and gzip dumps made of small members ({@code jcmd -gz}
 * writes 1 MiB members); a dump gzipped as one stream would have to be inflated from its start for every object.
 *
 * <p>The file was read whole when it was opened; if it has been moved, cut or overwritten since, a read fails at any
 * point of the record (no such file, data ending early, bytes that are no record, impossible lengths). Whatever the
 * failure, the object then shows without its text and fields, and the views go on.
 */
public final class HprofObjectContents implements ObjectContents {
    /** The most a read may have to inflate before it reaches its record. */
    private static final long MAX_INFLATE_BYTES = 2L << 20;
    /** How many elements of a primitive array are listed as its fields. */
    private static final int ARRAY_ELEMENTS = 100;

    private final ObjectDetailsSource source;

    private HprofObjectContents(ObjectDetailsSource source) {
        this.source = source;
    }

    public static ObjectContents of(ObjectDetailsSource source) {
        if (source.largestGzipMember() > MAX_INFLATE_BYTES) {
            return ObjectContents.none("This dump is a single gzip stream, so reading one object would mean inflating"
                    + " the file from its start. Open the uncompressed .hprof to see Strings' text and field values,"
                    + " or dump with jcmd GC.heap_dump -gz=1, which writes small gzip members.");
        }
        return new HprofObjectContents(source);
    }

    @Override
    public String text(HeapGraph graph, int ordinal, int maxChars) {
        try (HprofObjectReader reader = new HprofObjectReader(graph, source)) {
            return reader.stringValue(ordinal, maxChars);
        } catch (IOException | RuntimeException changed) {
            return null;
        }
    }

    @Override
    public List<FieldValue> fields(HeapGraph graph, int ordinal) {
        try (HprofObjectReader reader = new HprofObjectReader(graph, source)) {
            List<FieldValue> fields = reader.fields(ordinal);
            if (!fields.isEmpty()) {
                return fields;
            }
            List<Object> elements = reader.primitiveArrayElements(ordinal, 0, ARRAY_ELEMENTS);
            if (elements == null) {
                return List.of();
            }
            String arrayType = graph.nodeName(ordinal);
            String elementType = arrayType.substring(0, arrayType.length() - 2);
            List<FieldValue> values = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                values.add(new FieldValue(arrayType, "[" + i + "]", elementType, elements.get(i)));
            }
            return values;
        } catch (IOException | RuntimeException changed) {
            return List.of();
        }
    }

    @Override
    public ArrayElements arrayElements(HeapGraph graph, int ordinal, int max) {
        try (HprofObjectReader reader = new HprofObjectReader(graph, source)) {
            return reader.primitiveArray(ordinal, max);
        } catch (IOException | RuntimeException changed) {
            return null;
        }
    }

    @Override
    public String unavailable() {
        return null;
    }

    /** Where the objects are in the dump, for {@link heapscope.parser.read.hprof.HprofStore}. */
    public ObjectDetailsSource source() {
        return source;
    }

    @Override
    public long retainedBytes() {
        return source.retainedBytes();
    }

    @Override
    public long offHeapBytes() {
        return source.offHeapBytes();
    }
}
