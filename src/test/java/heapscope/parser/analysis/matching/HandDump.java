package heapscope.parser.analysis.matching;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.hprof.HprofTestWriter;
import heapscope.parser.read.hprof.HprofTestWriter.Field;
import heapscope.parser.read.hprof.format.HprofBasicType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HPROF dump written by hand for the matching tests, then read by the real reader: classes with named fields,
 * instances, Strings, object arrays, and a class {@code app.Roots} whose statics hold the objects given to
 * {@link #held} (a class object is an anchor, so the matching spreads from it down its statics, as it does from a
 * real program's statics). Ids of objects are the builder's, returned by each call, so a test can find the object's
 * ordinal in the loaded heap; the boot loader's classes are GC roots, as in a real dump.
 */
final class HandDump {
    static final long OBJECT = 0x100;
    static final long CLASS = 0x108;
    static final long STRING = 0x110;
    static final long BYTES = 0x118;
    static final long ROOTS = 0x120;
    private static final Field[] STRING_FIELDS = {HprofTestWriter.field("value", HprofBasicType.OBJECT),
        HprofTestWriter.field("coder", HprofBasicType.BYTE), HprofTestWriter.field("hash", HprofBasicType.INT)};

    private final HprofTestWriter w = new HprofTestWriter("JAVA PROFILE 1.0.2", 8);
    private final Map<Long, Field[]> fieldsByClass = new HashMap<>();
    private final Map<String, Long> heldByName = new LinkedHashMap<>();
    private long nextClass = 0x200;
    private long nextObject;
    private long integerClass;

    /** Objects get ids from {@code firstObjectId} on: give the two dumps of a test different ones, as a GC would. */
    HandDump(long firstObjectId) {
        this.nextObject = firstObjectId;
        w.loadClass(OBJECT, "java/lang/Object");
        w.loadClass(CLASS, "java/lang/Class");
        w.loadClass(STRING, "java/lang/String");
        w.loadClass(BYTES, "[B");
        w.loadClass(ROOTS, "app/Roots");
        HprofTestWriter.Static[] none = {};
        w.classDump(OBJECT, 0, 0, 0, none);
        w.classDump(CLASS, OBJECT, 0, 0, none);
        w.classDump(STRING, OBJECT, 0, 0, none, STRING_FIELDS);
        w.classDump(BYTES, OBJECT, 0, 0, none);
    }

    /** An int field. */
    static Field intField(String name) {
        return HprofTestWriter.field(name, HprofBasicType.INT);
    }

    static Field booleanField(String name) {
        return HprofTestWriter.field(name, HprofBasicType.BOOLEAN);
    }

    static Field charField(String name) {
        return HprofTestWriter.field(name, HprofBasicType.CHAR);
    }

    static Field refField(String name) {
        return HprofTestWriter.field(name, HprofBasicType.OBJECT);
    }

    /** A class of the boot loader, extending Object; its name as Java writes it ({@code app.Session}). */
    long type(String javaName, Field... fields) {
        return type(javaName, 0, fields);
    }

    /** A class of the given loader (an object id; 0 is the boot loader). */
    long type(String javaName, long loader, Field... fields) {
        long id = nextClass;
        nextClass += 8;
        w.loadClass(id, javaName.replace('.', '/'));
        w.classDump(id, OBJECT, loader, 0, new HprofTestWriter.Static[0], fields);
        fieldsByClass.put(id, fields);
        return id;
    }

    /** An array class, by its internal name ({@code [Lapp.Item;}); its objects come from {@link #array}. */
    long arrayType(String internalName) {
        long id = nextClass;
        nextClass += 8;
        w.loadClass(id, internalName.replace('.', '/'));
        w.classDump(id, OBJECT, 0, 0, new HprofTestWriter.Static[0]);
        return id;
    }

    /** An instance: one value per field of its class, in declaration order (ids for references, 0 for null). */
    long object(long type, long... values) {
        long id = nextId();
        w.instance(id, type, fieldsByClass.get(type), values);
        return id;
    }

    /** A java.lang.String of Latin-1 text, with its byte array. */
    long string(String text) {
        long bytes = nextId();
        long id = nextId();
        w.byteArray(bytes, text.getBytes(StandardCharsets.ISO_8859_1));
        w.instance(id, STRING, STRING_FIELDS, bytes, 0, 0);
        return id;
    }

    /** A java.lang.Integer (its class is declared on first use). */
    long integer(int value) {
        if (integerClass == 0) {
            integerClass = type("java.lang.Integer", intField("value"));
        }
        return object(integerClass, value);
    }

    /** A byte[] of these values. */
    long bytes(byte... values) {
        long id = nextId();
        w.byteArray(id, values);
        return id;
    }

    /** An array of references of the given array class. */
    long array(long arrayType, long... elements) {
        long id = nextId();
        w.objectArray(id, arrayType, elements);
        return id;
    }

    /** Makes a static field of {@code app.Roots} hold the object; returns the object. */
    long held(String staticName, long object) {
        heldByName.put(staticName, object);
        return object;
    }

    private long nextId() {
        long id = nextObject;
        nextObject += 16;
        return id;
    }

    /** Writes the dump into {@code folder} under {@code name} and reads and analyses it. */
    AnalyzedHeap load(Path folder, String name) {
        HprofTestWriter.Static[] statics = heldByName.entrySet().stream()
                .map(e -> new HprofTestWriter.Static(e.getKey(), HprofBasicType.OBJECT, e.getValue()))
                .toArray(HprofTestWriter.Static[]::new);
        w.classDump(ROOTS, OBJECT, 0, 0, statics);
        w.heapDumpEnd();
        Path file = folder.resolve(name + ".hprof");
        try {
            Files.write(file, w.bytes());
            return HeapLoader.load(file, ProgressListener.NO_OP, CancelSignal.NEVER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HeapFileException e) {
            throw new IllegalStateException("the hand-written dump does not read", e);
        }
    }

    /** The ordinal of the object with this id in a heap loaded from this builder's dump. */
    static int ordinal(AnalyzedHeap heap, long id) {
        HeapGraph graph = heap.graph();
        for (int i = 0; i < graph.nodeCount(); i++) {
            if (graph.nodeId(i) == id) {
                return i;
            }
        }
        throw new AssertionError("no object 0x" + Long.toHexString(id));
    }
}
