package heapscope.parser.read.hprof;

import static heapscope.parser.read.hprof.HprofTestWriter.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofRecordTag;
import heapscope.parser.read.hprof.format.HprofSubRecordTag;
import heapscope.parser.read.hprof.objects.HprofObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64-bit lengths and offsets, with a sparse file (its holes read as zeros and take no disk space): two
 * {@code long[]} of 300 M elements (2.4 GB each, more than 2^31 bytes) in their own HEAP DUMP SEGMENTs, then an
 * instance whose record starts beyond 4 GB.
 */
class HugeDumpTest {
    private static final long ELEMENTS = 300_000_000L;

    @TempDir
    Path dir;

    @Test
    void arraysOverTwoGigabytesAndRecordsBeyondFourGigabytesRead() throws Exception {
        HprofTestWriter w = HprofTestWriter.hotSpot();
        w.loadClass(0x100, "java/lang/Object");
        w.loadClass(0x108, "[J");
        w.loadClass(0x110, "app/Big");
        HprofTestWriter.Static[] none = {};
        w.classDump(0x100, 0, 0, 0, none);
        w.classDump(0x108, 0x100, 0, 0, none);
        w.classDump(0x110, 0x100, 0, 0, none, field("first", HprofBasicType.OBJECT),
                field("second", HprofBasicType.OBJECT), field("tag", HprofBasicType.INT));
        w.rootStickyClass(0x110);
        w.endSegment();
        byte[] head = w.bytes();

        Path file = dir.resolve("huge.hprof");
        long instanceAt;
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(head);
            long arrayBytes = ELEMENTS * 8;
            for (long id : new long[] {0x10_0000_0000L, 0x20_0000_0000L}) {
                ByteArrayOutputStream segment = new ByteArrayOutputStream();
                DataOutputStream s = new DataOutputStream(segment);
                s.write(HprofRecordTag.HEAP_DUMP_SEGMENT);
                s.writeInt(0);
                s.writeInt((int) (1 + 8 + 4 + 4 + 1 + arrayBytes)); // a u4 up to 4 GB
                s.write(HprofSubRecordTag.PRIMITIVE_ARRAY_DUMP);
                s.writeLong(id);
                s.writeInt(0);
                s.writeInt((int) ELEMENTS);
                s.write(HprofBasicType.LONG);
                out.write(segment.toByteArray());
                out.seek(out.getFilePointer() + arrayBytes); // the elements: a hole of zeros
            }
            instanceAt = out.getFilePointer() + 9;
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            DataOutputStream t = new DataOutputStream(tail);
            byte[] instance = instanceRecord();
            t.write(HprofRecordTag.HEAP_DUMP_SEGMENT);
            t.writeInt(0);
            t.writeInt(instance.length);
            t.write(instance);
            t.write(HprofRecordTag.HEAP_DUMP_END);
            t.writeInt(0);
            t.writeInt(0);
            out.write(tail.toByteArray());
        }
        assertTrue(instanceAt > (1L << 32));

        HprofHeap heap = HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
        HeapGraph g = heap.graph();
        int first = SmallHeap.ordinalOf(g, 0x10_0000_0000L);
        assertEquals("long[]", g.nodeName(first));
        assertEquals(16 + ELEMENTS * 8, g.nodeSelfSizes().get(first));
        int big = SmallHeap.ordinalOf(g, 0x30_0000_0000L);
        assertEquals("app.Big", g.nodeName(big));
        assertEquals(List.of(), heap.warnings());
        try (HprofObjectReader reader = heap.openObjectReader()) {
            assertEquals(List.of(new FieldValue("app.Big", "first", "reference", 0x10_0000_0000L),
                    new FieldValue("app.Big", "second", "reference", 0x20_0000_0000L),
                    new FieldValue("app.Big", "tag", "int", 42)), reader.fields(big));
            assertEquals(List.of(0L, 0L), reader.primitiveArrayElements(SmallHeap.ordinalOf(g, 0x20_0000_0000L),
                    ELEMENTS - 2, 5));
        }
    }

    private static byte[] instanceRecord() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream s = new DataOutputStream(bytes);
        s.write(HprofSubRecordTag.INSTANCE_DUMP);
        s.writeLong(0x30_0000_0000L);
        s.writeInt(0);
        s.writeLong(0x110);
        s.writeInt(8 + 8 + 4);
        s.writeLong(0x10_0000_0000L);
        s.writeLong(0x20_0000_0000L);
        s.writeInt(42);
        return bytes.toByteArray();
    }
}
