package heapscope.parser.read.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofRecordTag;
import heapscope.parser.read.hprof.format.HprofSubRecordTag;
import heapscope.parser.read.hprof.layout.ObjectLayout;
import heapscope.parser.read.hprof.objects.HprofObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HprofBadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private HeapFileException failure(String name, byte[] bytes) throws IOException {
        Path file = write(name, bytes);
        HeapFileException e = assertThrows(HeapFileException.class,
                () -> HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER));
        assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no exception names: " + e.getMessage());
        return e;
    }

    private static HprofHeap read(Path file) throws Exception {
        return HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
    }

    @Test
    void garbageIsNotAHeapDump() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertEquals("not an HPROF heap dump: it does not start with \"JAVA PROFILE 1.0.x\" (byte 0)",
                failure("garbage.hprof", garbage).problem());
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        assertEquals("the file is empty", failure("empty.hprof", new byte[0]).problem());
    }

    @Test
    void anUnknownVersionIsRejectedWithTheVersionItNames() throws IOException {
        byte[] bytes = new HprofTestWriter("JAVA PROFILE 1.0.9", 8).bytes();
        assertEquals("unsupported HPROF version \"JAVA PROFILE 1.0.9\" at byte 0 (supported: 1.0.1, 1.0.2 and"
                + " Android's 1.0.3)", failure("v109.hprof", bytes).problem());
    }

    @Test
    void anIdentifierSizeOtherThanFourOrEightIsRejectedAtItsOffset() throws IOException {
        byte[] bytes = new HprofTestWriter("JAVA PROFILE 1.0.2", 5).bytes();
        assertEquals("identifier size 5 at byte 19 is not 4 or 8", failure("id5.hprof", bytes).problem());
    }

    @Test
    void aSubRecordTagThatDoesNotExistIsRejectedAtItsOffset() throws IOException {
        HprofTestWriter w = HprofTestWriter.hotSpot();
        w.loadClass(0x100, "java/lang/Object");
        w.classDump(0x100, 0, 0, 0, new HprofTestWriter.Static[0]);
        int before = w.size();
        w.rawSubRecord(new byte[] {0x42, 1, 2, 3});
        byte[] bytes = w.bytes();
        assertEquals(0x42, bytes[before] & 0xff); // the writer's size was the tag's offset
        assertEquals("unknown heap dump sub-record tag 0x42 at byte " + before,
                failure("subtag.hprof", bytes).problem());
    }

    @Test
    void aRecordTagThatDoesNotExistIsRejectedAtItsOffset() throws IOException {
        HprofTestWriter w = HprofTestWriter.hotSpot();
        w.string("x");
        int before = w.size();
        w.rawRecord(0x55, new byte[3]);
        assertEquals("unknown record tag 0x55 at byte " + before, failure("tag.hprof", w.bytes()).problem());
    }

    @Test
    void knownRecordsThatAreNotNeededAreSkippedByTheirLength() throws Exception {
        HprofTestWriter w = HprofTestWriter.hotSpot();
        w.rawRecord(HprofRecordTag.CONTROL_SETTINGS, new byte[] {0, 0, 0, 1, 0, 4});
        w.rawRecord(HprofRecordTag.START_THREAD, new byte[8 + 8 * 4]);
        w.rawRecord(HprofRecordTag.UNLOAD_CLASS, new byte[4]);
        byte[] tail = SmallHeap.write(8);
        byte[] head = w.bytes();
        byte[] bytes = Arrays.copyOf(head, head.length + tail.length - 31);
        System.arraycopy(tail, 31, bytes, head.length, tail.length - 31); // SmallHeap's records after its header
        HprofHeap heap = read(write("skipped.hprof", bytes));
        assertEquals(26, heap.graph().nodeCount());
    }

    @Test
    void aDumpCutShortOpensWithWhatWasReadAndSaysWhereItStopped() throws Exception {
        byte[] full = SmallHeap.write(8);
        // Cut inside the record of the int[] (the 9th object): everything before it stays.
        int cut = indexOf(full, new byte[] {HprofSubRecordTag.PRIMITIVE_ARRAY_DUMP, 0, 0, 0, 0, 0, 0, 0x10,
            (byte) 0x80}) + 12;
        HprofHeap heap = read(write("cut.hprof", Arrays.copyOf(full, cut)));
        assertTrue(heap.truncated());
        String warning = heap.warnings().get(0);
        assertTrue(warning.startsWith("the file was cut short: it ends at byte " + cut + " inside a HEAP DUMP SEGMENT"
                + " record that starts at byte "), warning);
        assertTrue(warning.contains("objects after it are missing and references to them were dropped"), warning);
        HeapGraph g = heap.graph();
        // Root, 4 root groups, 11 classes and the 8 objects before the int[]; the int[] and the last Node are
        // missing.
        assertEquals(1 + 4 + 11 + 8, g.nodeCount());
        // The thread's frame local named the int[]: that root is dropped (as is the JNI global naming 0xDEAD).
        assertEquals(2, heap.statistics().droppedRoots());
        assertEquals(0, heap.statistics().threadLocalEdges());
    }

    @Test
    void aGzipDumpReadsLikeThePlainOne() throws Exception {
        byte[] plain = SmallHeap.write(8);
        HprofHeap fromPlain = read(write("small.hprof", plain));
        HprofHeap fromGzip = read(write("small.hprof.gz", gzipMembers(plain, 100)));
        assertEquals(fromPlain.graph().nodeCount(), fromGzip.graph().nodeCount());
        assertEquals(fromPlain.graph().edgeCount(), fromGzip.graph().edgeCount());
        for (int node = 0; node < fromPlain.graph().nodeCount(); node++) {
            assertEquals(fromPlain.graph().nodeSelfSizes().get(node), fromGzip.graph().nodeSelfSizes().get(node));
        }
        try (HprofObjectReader reader = fromGzip.openObjectReader()) {
            assertEquals("hi", reader.stringValue(SmallHeap.ordinalOf(fromGzip.graph(), SmallHeap.STRING_1), 10));
        }
    }

    @Test
    void aGzipDumpCutShortSaysTheCompressedDataEndedInsideAMember() throws Exception {
        byte[] gz = gzipMembers(SmallHeap.write(8), 400);
        HprofHeap heap = read(write("cut.hprof.gz", Arrays.copyOf(gz, gz.length - 200)));
        assertTrue(heap.truncated());
        assertTrue(heap.warnings().get(0).contains("the compressed data ends inside a gzip member"),
                heap.warnings().get(0));
        assertTrue(heap.warnings().get(0).contains("(byte offsets count decompressed bytes)"));
    }

    @Test
    void aCorruptGzipMemberIsAnErrorNamingWhereItStarts() throws IOException {
        byte[] gz = gzipMembers(SmallHeap.write(8), 1 << 20);
        gz[gz.length - 6] ^= 0x55; // inside the CRC trailer
        assertEquals("the gzip member starting at compressed byte 0 is corrupt (CRC or length mismatch)",
                failure("crc.hprof.gz", gz).problem());
    }

    @Test
    void readingReportsItsPhasesInOrderAndCanBeCanceled() throws Exception {
        Path file = write("small.hprof", SmallHeap.write(8));
        List<Phase> phases = new ArrayList<>();
        HprofReader.read(file, new ProgressListener() {
            @Override
            public void phaseStarted(Phase phase) {
                phases.add(phase);
            }

            @Override
            public void progress(long done, long total) {
            }
        }, CancelSignal.NEVER);
        assertEquals(List.of(Phase.READING_FILE, Phase.INDEXING_OBJECTS, Phase.BUILDING_GRAPH), phases);
        assertThrows(CanceledException.class, () -> HprofReader.read(file, ProgressListener.NO_OP, () -> true));
    }

    @Test
    void aVersionOneZeroOneDumpWithOneHeapDumpRecordReads() throws Exception {
        HprofTestWriter w = new HprofTestWriter("JAVA PROFILE 1.0.1", 4);
        w.useHeapDumpRecord();
        w.loadClass(0x100, "java/lang/Object");
        w.loadClass(0x108, "[J");
        w.classDump(0x100, 0, 0, 0, new HprofTestWriter.Static[0]);
        w.classDump(0x108, 0x100, 0, 0, new HprofTestWriter.Static[0]);
        w.primitiveArray(0x2000, HprofBasicType.LONG, 1, 2);
        w.rootWithId(HprofSubRecordTag.ROOT_UNKNOWN, 0x2000);
        HprofHeap heap = read(write("v101.hprof", w.bytes()));
        assertEquals("JAVA PROFILE 1.0.1", heap.header().version());
        // Root, the "unknown" and "sticky class" groups (both classes are the boot loader's), 2 classes, 1 array.
        assertEquals(1 + 2 + 3, heap.graph().nodeCount());
        assertEquals("long[]", heap.graph().nodeName(SmallHeap.ordinalOf(heap.graph(), 0x2000)));
    }

    @Test
    void androidDumpsWithTheirExtraSubRecordsRead() throws Exception {
        HprofTestWriter w = new HprofTestWriter("JAVA PROFILE 1.0.3", 4);
        w.loadClass(0x100, "java/lang/Object");
        w.loadClass(0x108, "[C");
        w.classDump(0x100, 0, 0, 8, new HprofTestWriter.Static[0]);
        w.classDump(0x108, 0x100, 0, 0, new HprofTestWriter.Static[0]);
        long heapName = w.string("app");
        w.rawSubRecord(bytes(HprofSubRecordTag.HEAP_DUMP_INFO, 0, 0, 0, 'A', heapName));
        w.rootWithId(HprofSubRecordTag.ROOT_INTERNED_STRING, 0x3000);
        w.rootWithId(HprofSubRecordTag.ROOT_VM_INTERNAL, 0x3000);
        w.rootWithId(HprofSubRecordTag.ROOT_DEBUGGER, 0x3000);
        w.rootWithId(HprofSubRecordTag.ROOT_FINALIZING, 0x3000);
        w.rootWithId(HprofSubRecordTag.ROOT_REFERENCE_CLEANUP, 0x3000);
        w.rootWithId(HprofSubRecordTag.UNREACHABLE, 0x3000);
        w.rawSubRecord(bytes(HprofSubRecordTag.ROOT_JNI_MONITOR, 0, 0, 0x30, 0, 0, 0, 0, 1, 0, 0, 0, 2));
        w.primitiveArray(0x3000, HprofBasicType.CHAR, 'a', 'b', 'c');
        w.rawSubRecord(bytes(HprofSubRecordTag.PRIMITIVE_ARRAY_NODATA, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 9,
                HprofBasicType.INT));
        HprofHeap heap = read(write("android.hprof", w.bytes()));
        HeapGraph g = heap.graph();
        assertTrue(heap.header().isAndroid());
        assertEquals(ObjectLayout.FieldPacking.ANDROID_FROM_FILE, heap.layout().fieldPacking());
        assertEquals(24, g.nodeSelfSizes().get(SmallHeap.ordinalOf(g, 0x3000))); // 12 + 3*2 -> 24
        assertEquals(48, g.nodeSelfSizes().get(SmallHeap.ordinalOf(g, 0x4000))); // 12 + 9*4 -> 48
        // Root, 6 Android root kinds plus the boot classes' sticky group (the UNREACHABLE mark is not a root), 4
        // objects.
        assertEquals(1 + 7 + 4, g.nodeCount());
        assertTrue(heap.warnings().contains("1 obsolete Android UNREACHABLE records were ignored"), heap.warnings()
                .toString());
    }

    /** Bytes from ints (each one byte) and longs as 4-byte ids. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Long l) {
                out.write((int) (l >>> 24));
                out.write((int) (l >>> 16));
                out.write((int) (l >>> 8));
                out.write((int) (long) l);
            } else if (p instanceof Character c) {
                out.write(c);
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    /** The bytes as consecutive gzip members of {@code chunk} bytes each, as {@code jcmd -gz} writes them. */
    static byte[] gzipMembers(byte[] data, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < data.length; at += chunk) {
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
                gz.write(data, at, Math.min(chunk, data.length - at));
            }
            out.write(member.toByteArray());
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + new String(needle, StandardCharsets.ISO_8859_1));
    }
}
