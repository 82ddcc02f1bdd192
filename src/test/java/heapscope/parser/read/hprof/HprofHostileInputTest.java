package heapscope.parser.read.hprof;

import static heapscope.parser.read.hprof.HprofTestWriter.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.Distances;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.FileStamp;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofRecordTag;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of issue 11 for HPROF, each as the fuzz run found it: lengths and counts that claim more than the file
 * holds, repeated records, a file that changes under the reader, a dump without GC roots, a damaged gzip member.
 */
class HprofHostileInputTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private HeapFileException refused(Path file) {
        HeapFileException e = assertThrows(HeapFileException.class,
                () -> HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER));
        assertTrue(e.getMessage().startsWith(file.getFileName() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    /** A header and then one record with this tag and stated length, and {@code body} as its only bytes. */
    private static byte[] oneRecord(int tag, long statedLength, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(HprofTestWriter.hotSpot().bytes());
            out.write(tag);
            out.writeInt(0);
            out.writeInt((int) statedLength);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void aUtf8RecordClaimingAGigabyteInA49ByteFileIsRefusedWithoutAllocatingIt() throws IOException {
        byte[] bytes = oneRecord(HprofRecordTag.UTF8, 1L << 30, new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 'a'});
        assertEquals(49, bytes.length);
        HeapFileException e = refused(write("utf8-1g.hprof", bytes));
        // Nothing was read, so the sentence ends there: no "everything up to the last complete object" was kept.
        assertEquals("the file was cut short: it ends at byte 49 inside a UTF8 record that starts at byte 31; there is"
                + " no complete object before that", e.problem());
    }

    @Test
    void aUtf8LengthNearTwoGigabytesDoesNotOverflowThePageArithmetic() throws Exception {
        byte[] tail = SmallHeap.write(8);
        byte[] head = oneRecord(HprofRecordTag.UTF8, 0x7FFFFFF0L, new byte[0]);
        // The big record comes last, after a whole dump, so the file can be long enough for the claim only in gzip
        // form: plain, the length is checked against the file's size; gzip-compressed, it is read until the end.
        byte[] dump = Arrays.copyOf(tail, tail.length + head.length - 31 + 64);
        System.arraycopy(head, 31, dump, tail.length, head.length - 31);
        HprofHeap plain = read(write("utf8-2g.hprof", dump));
        assertTrue(plain.warnings().get(0).startsWith("the file was cut short"), plain.warnings().toString());
        HprofHeap gzip = read(write("utf8-2g.hprof.gz", HprofBadInputTest.gzipMembers(dump, 1 << 16)));
        assertEquals(plain.graph().nodeCount(), gzip.graph().nodeCount());
    }

    @Test
    void aTraceClaimingHalfAGigaFramesIsRefusedWithoutAllocatingThem() throws IOException {
        byte[] body = {0, 0, 0, 1, 0, 0, 0, 1, 0x1f, (byte) 0xff, (byte) 0xff, (byte) 0xfe};
        long frames = 536_870_910L;
        HeapFileException e = refused(write("trace.hprof", oneRecord(HprofRecordTag.TRACE, 12 + frames * 8, body)));
        assertTrue(e.problem().contains("inside a TRACE record"), e.problem());
    }

    @Test
    void twoClassDumpsWithOneIdUseTheFirstAndSaySo() throws Exception {
        HprofTestWriter w = HprofTestWriter.hotSpot();
        w.loadClass(0x100, "java/lang/Object");
        w.loadClass(0x200, "app/Twice");
        w.classDump(0x100, 0, 0, 0, new HprofTestWriter.Static[0]);
        w.classDump(0x200, 0x100, 0, 0, new HprofTestWriter.Static[0], field("x", HprofBasicType.INT));
        w.classDump(0x200, 0x100, 0, 0, new HprofTestWriter.Static[] {
            HprofTestWriter.staticField("A", HprofBasicType.OBJECT, 0x100),
            HprofTestWriter.staticField("B", HprofBasicType.OBJECT, 0x100)});
        w.instance(0x1000, 0x200, new HprofTestWriter.Field[] {field("x", HprofBasicType.INT)}, 5);
        w.rootStickyClass(0x100);
        HprofHeap heap = read(write("twice.hprof", w.bytes()));
        assertTrue(heap.warnings().contains("1 CLASS DUMP records repeat a class id; the first record of each is"
                + " used"), heap.warnings().toString());
        assertEquals("app.Twice", heap.graph().nodeName(SmallHeap.ordinalOf(heap.graph(), 0x1000)));
    }

    @Test
    void aFileThatChangesBetweenThePassesIsReportedInOneLine() throws IOException {
        Path file = write("copying.hprof", SmallHeap.write(8));
        ProgressListener appendWhenSecondPassStarts = new ProgressListener() {
            @Override
            public void phaseStarted(Phase phase) {
                if (phase == Phase.BUILDING_GRAPH) {
                    try {
                        Files.write(file, new byte[4096], StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void progress(long done, long total) {
            }
        };
        HeapFileException e = assertThrows(HeapFileException.class,
                () -> HprofReader.read(file, appendWhenSecondPassStarts, CancelSignal.NEVER));
        assertEquals("copying.hprof: " + FileStamp.CHANGED, e.getMessage());
    }

    @Test
    void aFileRewrittenInPlaceBetweenThePassesIsReportedAsChangedToo() throws IOException {
        byte[] original = SmallHeap.write(8);
        Path file = write("rewritten.hprof", original);
        long modified = Files.getLastModifiedTime(file).toMillis();
        ProgressListener rewrite = new ProgressListener() {
            @Override
            public void phaseStarted(Phase phase) {
                if (phase == Phase.BUILDING_GRAPH) {
                    try {
                        // Same size and time, other bytes: only the passes' own consistency can tell.
                        byte[] other = original.clone();
                        Arrays.fill(other, other.length / 2, other.length, (byte) 0x21);
                        Files.write(file, other);
                        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(modified));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void progress(long done, long total) {
            }
        };
        HeapFileException e = assertThrows(HeapFileException.class,
                () -> HprofReader.read(file, rewrite, CancelSignal.NEVER));
        assertEquals("rewritten.hprof: " + FileStamp.CHANGED, e.getMessage());
    }

    @Test
    void aDumpWithoutGcRootsTakesClassesAndThreadsAsRootsAndSaysSo() throws Exception {
        HprofTestWriter w = HprofTestWriter.hotSpot();
        w.loadClass(0x100, "java/lang/Object");
        w.loadClass(0x110, "java/lang/Thread");
        w.loadClass(0x120, "app/Worker");
        w.loadClass(0x130, "app/Payload");
        HprofTestWriter.Static[] none = {};
        w.classDump(0x100, 0, 0, 0, none);
        w.classDump(0x110, 0x100, 0, 0, none, field("target", HprofBasicType.OBJECT));
        w.classDump(0x120, 0x110, 0x999, 0, none);
        w.classDump(0x130, 0x100, 0x999, 0, none, field("size", HprofBasicType.INT));
        HprofTestWriter.Field[] thread = {field("target", HprofBasicType.OBJECT)};
        w.instance(0x1000, 0x120, thread, 0x1010); // a Worker thread holds the payload
        w.instance(0x1010, 0x130, new HprofTestWriter.Field[] {field("size", HprofBasicType.INT)}, 7);
        w.instance(0x1020, 0x130, new HprofTestWriter.Field[] {field("size", HprofBasicType.INT)}, 8); // garbage
        Path file = write("no-roots.hprof", w.bytes());
        AnalyzedHeap heap = HeapLoader.load(file, ProgressListener.NO_OP, CancelSignal.NEVER);
        HeapGraph g = heap.graph();
        String warning = g.fileNotes().warnings().stream().filter(x -> x.contains("no GC root records"))
                .findFirst().orElseThrow(() -> new AssertionError(g.fileNotes().warnings().toString()));
        assertTrue(warning.contains("\"(assumed roots, the dump has none: threads)\""), warning);
        assertEquals("(assumed roots, the dump has none: class objects)", g.nodeName(1));
        assertEquals("(assumed roots, the dump has none: threads)", g.nodeName(2));
        int payload = SmallHeap.ordinalOf(g, 0x1010);
        int garbage = SmallHeap.ordinalOf(g, 0x1020);
        assertTrue(heap.distance(payload) != Distances.NO_DISTANCE, "held by the thread, a root now");
        assertEquals(Distances.NO_DISTANCE, heap.distance(garbage));
    }

    @Test
    void aDamagedGzipMemberHeaderIsReportedAsDamageAndSaysWhatWasNotRead() throws Exception {
        byte[] dump = SmallHeap.write(8);
        int member = dump.length - 60; // the second member holds the last objects
        byte[] gz = HprofBadInputTest.gzipMembers(dump, member);
        int second = secondMemberStart(gz);
        gz[second + 1] = 0x00; // 1f 8b -> 1f 00: no longer a gzip member header
        HprofHeap heap = read(write("damaged.hprof.gz", gz));
        String warning = heap.warnings().get(0);
        assertTrue(warning.startsWith("the file is damaged: reading stopped at byte " + member + " (the gzip member"
                + " after the one starting at compressed byte 0 has no valid header at compressed byte " + second
                + "; the last " + (gz.length - second) + " compressed bytes ("), warning);
        assertFalse(warning.contains("cut short"), warning);
    }

    @Test
    void corruptDeflateDataInAMemberIsReportedAsCorruptNotAsCutShort() throws Exception {
        byte[] dump = SmallHeap.write(8);
        int member = dump.length - 60;
        byte[] gz = HprofBadInputTest.gzipMembers(dump, member);
        int second = secondMemberStart(gz);
        gz[second + 10] = 0x07; // the first deflate block header: final, block type 3, which does not exist
        HprofHeap heap = read(write("corrupt.hprof.gz", gz));
        String warning = heap.warnings().get(0);
        assertTrue(warning.startsWith("the file is damaged: reading stopped at byte " + member + " (the gzip member"
                + " starting at compressed byte " + second + " is corrupt ("), warning);
    }

    private static int secondMemberStart(byte[] gz) {
        for (int i = 10; i + 2 < gz.length; i++) {
            if ((gz[i] & 0xff) == 0x1f && (gz[i + 1] & 0xff) == 0x8b && gz[i + 2] == 8) {
                return i;
            }
        }
        throw new AssertionError("one member only");
    }

    private static HprofHeap read(Path file) throws Exception {
        return HprofReader.read(file, ProgressListener.NO_OP, CancelSignal.NEVER);
    }
}
