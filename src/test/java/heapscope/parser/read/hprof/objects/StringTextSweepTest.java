package heapscope.parser.read.hprof.objects;

import static heapscope.parser.read.hprof.HprofTestWriter.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.HprofReader;
import heapscope.parser.read.hprof.HprofStore;
import heapscope.parser.read.hprof.HprofTestWriter;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass String sweep gives every String the text the object reader gives it, whatever the order of Strings
 * and arrays in the file: arrays after their String (HotSpot's order), before it, shared by two Strings, and JDK 6's
 * shared char arrays with an offset (also one beyond what the sweep holds of an array read early).
 */
class StringTextSweepTest {
    private static final long OBJECT = 0x100;
    private static final long STRING = 0x110;
    private static final long THREAD = 0x140;

    @TempDir
    Path temp;

    @Test
    void coderStringsInAnyOrderGetTheObjectReadersText() throws Exception {
        HprofTestWriter w = dump(field("value", HprofBasicType.OBJECT), field("coder", HprofBasicType.BYTE),
                field("hash", HprofBasicType.INT));
        HprofTestWriter.Field[] string = {field("value", HprofBasicType.OBJECT), field("coder", HprofBasicType.BYTE),
            field("hash", HprofBasicType.INT)};
        w.instance(0x1000, STRING, string, 0x1008, 0, 0);
        w.byteArray(0x1008, "after its String".getBytes(StandardCharsets.ISO_8859_1));
        w.byteArray(0x1010, "before its String".getBytes(StandardCharsets.ISO_8859_1));
        w.instance(0x1018, STRING, string, 0x1010, 0, 0);
        w.instance(0x1020, STRING, string, 0x1030, 0, 0);
        w.byteArray(0x1030, "x".repeat(600).getBytes(StandardCharsets.ISO_8859_1));
        w.instance(0x1038, STRING, string, 0x1030, 0, 0); // shares the array read just before
        w.instance(0x1040, STRING, string, 0x1048, 1, 0);
        w.byteArray(0x1048, "\u00e9t\u00e9 \ud83d\ude00 \u65e5".getBytes(StandardCharsets.UTF_16LE));
        w.instance(0x1050, STRING, string, 0x1058, 0, 0);
        w.byteArray(0x1058, new byte[0]);
        w.instance(0x1060, STRING, string, 0x1068, 0, 0);
        w.primitiveArray(0x1068, HprofBasicType.INT, 1, 2);
        w.instance(0x1070, STRING, string, 0, 0, 0); // no value: no text, as the int[] one has none
        assertSameTexts(w, 6);
    }

    @Test
    void jdk6StringsWithOffsetsIntoSharedArraysGetTheObjectReadersText() throws Exception {
        HprofTestWriter w = dump(field("value", HprofBasicType.OBJECT), field("offset", HprofBasicType.INT),
                field("count", HprofBasicType.INT), field("hash", HprofBasicType.INT));
        HprofTestWriter.Field[] string = {field("value", HprofBasicType.OBJECT), field("offset", HprofBasicType.INT),
            field("count", HprofBasicType.INT), field("hash", HprofBasicType.INT)};
        String text = "0123456789".repeat(100);
        long[] chars = text.chars().asLongStream().toArray();
        w.primitiveArray(0x1000, HprofBasicType.CHAR, chars); // read before all four of its Strings
        w.instance(0x1008, STRING, string, 0x1000, 0, 1000, 0);
        w.instance(0x1010, STRING, string, 0x1000, 5, 3, 0);
        w.instance(0x1018, STRING, string, 0x1000, 900, 100, 0); // beyond what the sweep held of the array
        w.instance(0x1020, STRING, string, 0x1028, 2, 4, 0);
        w.primitiveArray(0x1028, HprofBasicType.CHAR, "abcdefgh".chars().asLongStream().toArray());
        assertSameTexts(w, 4);
    }

    private HprofTestWriter dump(HprofTestWriter.Field... stringFields) {
        HprofTestWriter w = new HprofTestWriter("JAVA PROFILE 1.0.2", 8);
        w.loadClass(OBJECT, "java/lang/Object");
        w.loadClass(STRING, "java/lang/String");
        w.loadClass(THREAD, "java/lang/Thread");
        HprofTestWriter.Static[] none = {};
        w.classDump(OBJECT, 0, 0, 0, none);
        w.classDump(STRING, OBJECT, 0, 0, none, stringFields);
        w.classDump(THREAD, OBJECT, 0, 0, none);
        return w;
    }

    private void assertSameTexts(HprofTestWriter w, int texts) throws Exception {
        w.heapDumpEnd();
        Path file = temp.resolve("strings.hprof");
        Files.write(file, w.bytes());
        HeapGraph graph = HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER).graph();
        MemoryStore store = new MemoryStore(false);
        HprofStore.save(graph, store, CancelSignal.NEVER);
        StoredStringTexts stored = StoredStringTexts.load(store, "hprof.texts");
        int withText = 0;
        for (int node = 0; node < graph.nodeCount(); node++) {
            String expected = graph.objectText(node, 200);
            withText += expected != null ? 1 : 0;
            for (int max : new int[] {3, 200, StoredStringTexts.TEXT_CHARS}) {
                assertEquals(graph.objectText(node, max), stored.text(node, max), "node " + node + ", " + max);
            }
        }
        assertEquals(texts, withText);
        assertTrue(((int[]) store.get("hprof.texts.ordinals")).length >= texts);
    }
}
