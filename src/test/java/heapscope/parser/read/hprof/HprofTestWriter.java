package heapscope.parser.read.hprof;

import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofRecordTag;
import heapscope.parser.read.hprof.format.HprofSubRecordTag;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes small HPROF files for tests, record by record. Strings are interned as UTF8 records on first use; classes
 * get LOAD CLASS records. Heap sub-records go into the current HEAP DUMP SEGMENT, which is closed (its length
 * filled in) by {@link #endSegment()} or {@link #bytes()}.
 */
public final class HprofTestWriter {
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(file);
    private final int idSize;
    private final Map<String, Long> stringIds = new HashMap<>();
    private long nextStringId = 0x1000;
    private int nextClassSerial = 1;
    private ByteArrayOutputStream segment;
    private DataOutputStream sub;
    private int segmentTag = HprofRecordTag.HEAP_DUMP_SEGMENT;

    public HprofTestWriter(String version, int idSize) {
        this.idSize = idSize;
        try {
            out.write(version.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeInt(idSize);
            out.writeLong(1_700_000_000_000L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HprofTestWriter hotSpot() {
        return new HprofTestWriter("JAVA PROFILE 1.0.2", 8);
    }

    int size() {
        return file.size() + (segment == null ? 0 : 9 + segment.size());
    }

    /** The string's UTF8 record id (written on first use). */
    long string(String s) {
        Long known = stringIds.get(s);
        if (known != null) {
            return known;
        }
        long id = nextStringId;
        nextStringId += 8;
        stringIds.put(s, id);
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        record(HprofRecordTag.UTF8, idSize + text.length, body -> {
            writeId(body, id);
            body.write(text);
        });
        return id;
    }

    /** LOAD CLASS with an internal name like {@code java/lang/Object} or {@code [I}; returns the serial. */
    public int loadClass(long classId, String internalName) {
        long nameId = string(internalName);
        int serial = nextClassSerial++;
        record(HprofRecordTag.LOAD_CLASS, 8 + 2 * idSize, body -> {
            body.writeInt(serial);
            writeId(body, classId);
            body.writeInt(0);
            writeId(body, nameId);
        });
        return serial;
    }

    void frame(long frameId, String method, String signature, String source, int classSerial, int line) {
        long m = string(method);
        long s = string(signature);
        long f = string(source);
        record(HprofRecordTag.FRAME, 4 * idSize + 8, body -> {
            writeId(body, frameId);
            writeId(body, m);
            writeId(body, s);
            writeId(body, f);
            body.writeInt(classSerial);
            body.writeInt(line);
        });
    }

    void trace(int traceSerial, int threadSerial, long... frameIds) {
        record(HprofRecordTag.TRACE, 12 + frameIds.length * idSize, body -> {
            body.writeInt(traceSerial);
            body.writeInt(threadSerial);
            body.writeInt(frameIds.length);
            for (long f : frameIds) {
                writeId(body, f);
            }
        });
    }

    /** A field or static declaration: name and HPROF basic type. */
    public record Field(String name, int type) {
    }

    /** A static with its value (an id for references, the raw bits otherwise). */
    public record Static(String name, int type, long value) {
    }

    public static Field field(String name, int type) {
        return new Field(name, type);
    }

    static Static staticField(String name, int type, long value) {
        return new Static(name, type, value);
    }

    public void classDump(long classId, long superId, long loaderId, int instanceSize, Static[] statics,
            Field... fields) {
        long[] staticNames = new long[statics.length];
        long[] fieldNames = new long[fields.length];
        for (int i = 0; i < statics.length; i++) {
            staticNames[i] = string(statics[i].name());
        }
        for (int i = 0; i < fields.length; i++) {
            fieldNames[i] = string(fields[i].name());
        }
        heap(s -> {
            s.write(HprofSubRecordTag.CLASS_DUMP);
            writeId(s, classId);
            s.writeInt(0);
            writeId(s, superId);
            writeId(s, loaderId);
            writeId(s, 0);
            writeId(s, 0);
            writeId(s, 0);
            writeId(s, 0);
            s.writeInt(instanceSize);
            s.writeShort(0);
            s.writeShort(statics.length);
            for (int i = 0; i < statics.length; i++) {
                writeId(s, staticNames[i]);
                s.write(statics[i].type());
                writeValue(s, statics[i].type(), statics[i].value());
            }
            s.writeShort(fields.length);
            for (int i = 0; i < fields.length; i++) {
                writeId(s, fieldNames[i]);
                s.write(fields[i].type());
            }
        });
    }

    /** An instance; {@code values} are given subclass first, one per field, as ids or raw bits. */
    public void instance(long id, long classId, Field[] fieldsSubclassFirst, long... values) {
        heap(s -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream v = new DataOutputStream(bytes);
            for (int i = 0; i < values.length; i++) {
                writeValue(v, fieldsSubclassFirst[i].type(), values[i]);
            }
            s.write(HprofSubRecordTag.INSTANCE_DUMP);
            writeId(s, id);
            s.writeInt(0);
            writeId(s, classId);
            s.writeInt(bytes.size());
            s.write(bytes.toByteArray());
        });
    }

    public void objectArray(long id, long arrayClassId, long... elements) {
        heap(s -> {
            s.write(HprofSubRecordTag.OBJECT_ARRAY_DUMP);
            writeId(s, id);
            s.writeInt(0);
            s.writeInt(elements.length);
            writeId(s, arrayClassId);
            for (long e : elements) {
                writeId(s, e);
            }
        });
    }

    public void primitiveArray(long id, int type, long... elements) {
        heap(s -> {
            s.write(HprofSubRecordTag.PRIMITIVE_ARRAY_DUMP);
            writeId(s, id);
            s.writeInt(0);
            s.writeInt(elements.length);
            s.write(type);
            for (long e : elements) {
                writeValue(s, type, e);
            }
        });
    }

    public void byteArray(long id, byte[] bytes) {
        heap(s -> {
            s.write(HprofSubRecordTag.PRIMITIVE_ARRAY_DUMP);
            writeId(s, id);
            s.writeInt(0);
            s.writeInt(bytes.length);
            s.write(HprofBasicType.BYTE);
            s.write(bytes);
        });
    }

    void rootThreadObject(long threadId, int threadSerial, int traceSerial) {
        heap(s -> {
            s.write(HprofSubRecordTag.ROOT_THREAD_OBJECT);
            writeId(s, threadId);
            s.writeInt(threadSerial);
            s.writeInt(traceSerial);
        });
    }

    void rootJavaFrame(long id, int threadSerial, int frameNumber) {
        heap(s -> {
            s.write(HprofSubRecordTag.ROOT_JAVA_FRAME);
            writeId(s, id);
            s.writeInt(threadSerial);
            s.writeInt(frameNumber);
        });
    }

    void rootJniGlobal(long id) {
        heap(s -> {
            s.write(HprofSubRecordTag.ROOT_JNI_GLOBAL);
            writeId(s, id);
            writeId(s, 0x77);
        });
    }

    void rootStickyClass(long id) {
        rootWithId(HprofSubRecordTag.ROOT_STICKY_CLASS, id);
    }

    /** A root sub-record whose body is just an id (sticky class, unknown, monitor used, Android kinds). */
    void rootWithId(int tag, long id) {
        heap(s -> {
            s.write(tag);
            writeId(s, id);
        });
    }

    /** Raw bytes into the current heap dump segment (to write odd sub-records). */
    void rawSubRecord(byte... bytes) {
        heap(s -> s.write(bytes));
    }

    /** Makes the following sub-records go into one HEAP DUMP (0x0C) record instead of segments. */
    void useHeapDumpRecord() {
        segmentTag = HprofRecordTag.HEAP_DUMP;
    }

    void endSegment() {
        if (segment != null) {
            byte[] body = segment.toByteArray();
            segment = null;
            sub = null;
            record(segmentTag, body.length, b -> b.write(body));
        }
    }

    public void heapDumpEnd() {
        endSegment();
        record(HprofRecordTag.HEAP_DUMP_END, 0, b -> {
        });
    }

    /** A top-level record with any tag and body. */
    void rawRecord(int tag, byte[] body) {
        endSegment();
        record(tag, body.length, b -> b.write(body));
    }

    public byte[] bytes() {
        endSegment();
        return file.toByteArray();
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private void heap(Body body) {
        try {
            if (segment == null) {
                segment = new ByteArrayOutputStream();
                sub = new DataOutputStream(segment);
            }
            body.write(sub);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(int tag, int length, Body body) {
        try {
            if (segment != null && tag != segmentTag) {
                endSegment();
            }
            out.write(tag);
            out.writeInt(0);
            out.writeInt(length);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeId(DataOutputStream s, long id) throws IOException {
        if (idSize == 8) {
            s.writeLong(id);
        } else {
            s.writeInt((int) id);
        }
    }

    private void writeValue(DataOutputStream s, int type, long value) throws IOException {
        switch (type) {
            case HprofBasicType.OBJECT -> writeId(s, value);
            case HprofBasicType.BOOLEAN, HprofBasicType.BYTE -> s.write((int) value);
            case HprofBasicType.CHAR, HprofBasicType.SHORT -> s.writeShort((int) value);
            case HprofBasicType.INT, HprofBasicType.FLOAT -> s.writeInt((int) value);
            case HprofBasicType.DOUBLE, HprofBasicType.LONG -> s.writeLong(value);
            default -> throw new IllegalArgumentException("type " + type);
        }
    }
}
