package heapscope.parser.read.hprof.objects;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.ObjectContents;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofSubRecordTag;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.read.hprof.input.DumpInput;
import heapscope.parser.store.IntColumn;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads details of single objects from the dump on demand, without holding the file in memory: instance and static
 * field values (primitives included), the text of {@code java.lang.String} objects, and primitive array elements.
 * Each call seeks to the object's record (for gzip dumps: inflates from the start of the gzip member holding it,
 * at most 1 MiB for {@code jcmd -gz} dumps, but the whole file before the record for a single-member gzip).
 *
 * <p>Not thread-safe: use one reader per thread. Does IO.
 */
public final class HprofObjectReader implements Closeable {
    private final HeapGraph graph;
    private final ObjectDetailsSource source;

    public HprofObjectReader(HeapGraph graph, ObjectDetailsSource source) {
        this.graph = graph;
        this.source = source;
    }

    /**
     * The instance fields of an instance node, subclass first, as the record holds them; the static fields of a
     * class-object node; an empty list for arrays and synthetic nodes.
     */
    public List<FieldValue> fields(int ordinal) throws IOException {
        int objectIndex = ordinal - source.objectBase;
        if (objectIndex < 0 || objectIndex >= source.recordOffsets.size()) {
            return List.of();
        }
        try (DumpInput in = source.openAt(source.recordOffsets.get(objectIndex))) {
            return fields(in);
        }
    }

    /** {@link #fields(int)} of the record {@code in} is positioned at. */
    List<FieldValue> fields(DumpInput in) {
        int tag = in.u1();
        if (tag == HprofSubRecordTag.CLASS_DUMP) {
            return statics(in);
        }
        if (tag != HprofSubRecordTag.INSTANCE_DUMP) {
            return List.of();
        }
        in.id();
        in.u4();
        long classId = in.id();
        long fieldBytes = in.u4() & 0xffffffffL;
        int classIndex = source.classes.indexOf(classId);
        List<FieldValue> values = new ArrayList<>();
        long read = 0;
        int depth = 0;
        HprofClass k = classIndex < 0 ? null : source.classes.get(classIndex);
        while (k != null && depth++ <= source.classes.size()) {
            for (int f = 0; f < k.fieldTypes.length; f++) {
                int type = k.fieldTypes[f];
                int size = HprofBasicType.sizeInFile(type, source.idSize);
                if (read + size > fieldBytes) {
                    return values;
                }
                values.add(new FieldValue(k.javaName, k.fieldNames[f], typeName(type), box(type, in.value(type))));
                read += size;
            }
            k = k.superIndex < 0 ? null : source.classes.get(k.superIndex);
        }
        return values;
    }

    private List<FieldValue> statics(DumpInput in) {
        HprofClass record = HprofClass.read(in, in.position() - 1);
        int index = source.classes.indexOf(record.id);
        HprofClass c = index < 0 ? record : source.classes.get(index);
        List<FieldValue> values = new ArrayList<>();
        for (int i = 0; i < record.staticTypes.length; i++) {
            String name = c.staticNames == null ? null : c.staticNames[i];
            values.add(new FieldValue(c.javaName, name, typeName(record.staticTypes[i]),
                    box(record.staticTypes[i], record.staticValues[i])));
        }
        return values;
    }

    /**
     * The text of a {@code java.lang.String} node (JDK 9+ {@code byte[]} with a coder, or JDK 8 {@code char[]}),
     * cut to {@code maxChars}; null when the node is not a string or its value array is not in the dump.
     */
    public String stringValue(int ordinal, int maxChars) throws IOException {
        if (!"java.lang.String".equals(graph.nodeName(ordinal))) {
            return null;
        }
        int valueOrdinal = -1;
        IntColumn first = graph.firstEdgeIndex();
        for (int e = first.get(ordinal); e < first.get(ordinal + 1); e++) {
            if (graph.edgeType(e) == EdgeType.PROPERTY && "value".equals(graph.edgeName(e))) {
                valueOrdinal = graph.edgeTarget(e);
            }
        }
        if (valueOrdinal < 0) {
            return null;
        }
        StringShape shape = StringShape.of(fields(ordinal));
        ArrayData data = arrayData(valueOrdinal, shape.offset(), 2L * maxChars + 2);
        return data == null ? null : text(data, shape, maxChars, source.utf16BigEndian);
    }

    /** A String's value fields: its coder (JDK 9+), and the offset and count of JDK 6's shared char arrays. */
    record StringShape(int coder, int offset, int count) {
        static StringShape of(List<FieldValue> fields) {
            int coder = 0;
            int offset = 0;
            int count = -1;
            for (FieldValue f : fields) {
                if (!"java.lang.String".equals(f.declaringClass()) || f.value() == null) {
                    continue;
                }
                switch (f.name()) {
                    case "coder" -> coder = ((Number) f.value()).intValue();
                    case "offset" -> offset = ((Number) f.value()).intValue();
                    case "count" -> count = ((Number) f.value()).intValue();
                    default -> {
                    }
                }
            }
            return new StringShape(coder, Math.max(0, offset), count);
        }
    }

    /** The text of a String of this shape whose value array, from its offset on, holds {@code data}. */
    static String text(ArrayData data, StringShape shape, int maxChars, boolean utf16BigEndian) {
        String text;
        if (data.type == HprofBasicType.CHAR) {
            text = new String(data.bytes, 0, data.bytes.length & ~1, StandardCharsets.UTF_16BE);
        } else if (data.type == HprofBasicType.BYTE && shape.coder() == 1) {
            text = new String(data.bytes, 0, data.bytes.length & ~1,
                    utf16BigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        } else if (data.type == HprofBasicType.BYTE) {
            text = new String(data.bytes, StandardCharsets.ISO_8859_1);
        } else {
            return null;
        }
        if (shape.count() >= 0 && shape.count() < text.length()) {
            text = text.substring(0, shape.count());
        }
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    /**
     * Up to {@code max} elements of a primitive array node from element {@code from}, as their Java values
     * ({@code Integer}, {@code Boolean}, ...); null when the node is not a primitive array.
     */
    public List<Object> primitiveArrayElements(int ordinal, long from, int max) throws IOException {
        ArrayData data = arrayDataElements(ordinal, from, max);
        return data == null ? null : values(data);
    }

    /** A primitive array's element type, length and first {@code max} elements, or null for another record. */
    public ObjectContents.ArrayElements primitiveArray(int ordinal, int max) throws IOException {
        ArrayData data = arrayDataElements(ordinal, 0, max);
        return data == null ? null
                : new ObjectContents.ArrayElements(HprofBasicType.javaName(data.type), data.length, values(data));
    }

    private static List<Object> values(ArrayData data) {
        int size = HprofBasicType.primitiveSize(data.type);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i + size <= data.bytes.length; i += size) {
            long bits = 0;
            for (int b = 0; b < size; b++) {
                bits = (bits << 8) | (data.bytes[i + b] & 0xff);
            }
            if (size < 8 && data.type != HprofBasicType.CHAR && data.type != HprofBasicType.BOOLEAN) {
                bits = (bits << (64 - 8 * size)) >> (64 - 8 * size); // sign-extend
            }
            values.add(box(data.type, bits));
        }
        return values;
    }

    private ArrayData arrayDataElements(int ordinal, long from, int max) throws IOException {
        return arrayData(ordinal, from, -1L - max);
    }

    /**
     * The element type and raw big-endian bytes of a primitive array node, starting at element {@code from};
     * {@code limit >= 0} caps the bytes, {@code limit < 0} caps the elements at {@code -1 - limit}.
     */
    private ArrayData arrayData(int ordinal, long from, long limit) throws IOException {
        int objectIndex = ordinal - source.objectBase;
        if (objectIndex < 0 || objectIndex >= source.recordOffsets.size()) {
            return null;
        }
        try (DumpInput in = source.openAt(source.recordOffsets.get(objectIndex))) {
            return arrayData(in, from, limit);
        }
    }

    /** {@link #arrayData(int, long, long)} of the record {@code in} is positioned at. */
    static ArrayData arrayData(DumpInput in, long from, long limit) {
        if (in.u1() != HprofSubRecordTag.PRIMITIVE_ARRAY_DUMP) {
            return null;
        }
        in.id();
        in.u4();
        long length = in.u4() & 0xffffffffL;
        int type = in.u1();
        int size = HprofBasicType.primitiveSize(type);
        long elements = Math.max(0, length - from);
        long bytes = elements * size;
        if (limit >= 0) {
            bytes = Math.min(bytes, limit);
        } else {
            bytes = Math.min(bytes, (-1 - limit) * size);
        }
        in.skip(Math.min(from, length) * size);
        byte[] data = new byte[(int) Math.min(bytes, Integer.MAX_VALUE - 8)];
        in.readFully(data, 0, data.length);
        return new ArrayData(type, length, data);
    }

    record ArrayData(int type, long length, byte[] bytes) {
    }

    private static String typeName(int type) {
        return type == HprofBasicType.OBJECT ? "reference" : HprofBasicType.javaName(type);
    }

    private static Object box(int type, long bits) {
        return switch (type) {
            case HprofBasicType.OBJECT -> bits == 0 ? null : bits;
            case HprofBasicType.BOOLEAN -> bits != 0;
            case HprofBasicType.CHAR -> (char) bits;
            case HprofBasicType.FLOAT -> Float.intBitsToFloat((int) bits);
            case HprofBasicType.DOUBLE -> Double.longBitsToDouble(bits);
            case HprofBasicType.BYTE -> (byte) bits;
            case HprofBasicType.SHORT -> (short) bits;
            case HprofBasicType.INT -> (int) bits;
            case HprofBasicType.LONG -> bits;
            default -> null;
        };
    }

    @Override
    public void close() {
        // Each call opens and closes its own channel; nothing stays open between calls.
    }
}
