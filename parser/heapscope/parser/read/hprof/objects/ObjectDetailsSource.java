package heapscope.parser.read.hprof.objects;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.RecordOffsets;
import heapscope.parser.read.hprof.input.DumpInput;
import heapscope.parser.read.hprof.input.FileByteSource;
import heapscope.parser.read.hprof.input.GzipMemberIndex;
import heapscope.parser.read.hprof.input.InflatedMembers;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@link HprofObjectReader} needs to find an object's record again: the record offset of every object (4 bytes
 * each), the gzip member index for compressed files, and the classes' field descriptors. Immutable after reading
 * (but for the inflated gzip members it keeps); thread-safe. Opening an input does IO.
 */
public final class ObjectDetailsSource {
    final Path file;
    public final GzipMemberIndex gzipMembers;
    public final RecordOffsets recordOffsets;
    public final ClassDefinitions classes;
    public final int idSize;
    /** Ordinal of the first object node (object index 0). */
    public final int objectBase;
    /** Whether UTF-16 strings were stored big-endian ({@code java.lang.StringUTF16.HI_BYTE_SHIFT == 8}). */
    public final boolean utf16BigEndian;
    /** For a gzip dump, its members as they are inflated; null for a plain one. */
    private final InflatedMembers inflatedMembers;

    public ObjectDetailsSource(Path file, GzipMemberIndex gzipMembers, RecordOffsets recordOffsets,
            ClassDefinitions classes, int idSize, int objectBase, boolean utf16BigEndian) {
        this.file = file;
        this.gzipMembers = gzipMembers;
        this.recordOffsets = recordOffsets;
        this.classes = classes;
        this.idSize = idSize;
        this.objectBase = objectBase;
        this.utf16BigEndian = utf16BigEndian;
        this.inflatedMembers = gzipMembers == null ? null : new InflatedMembers(file, gzipMembers);
    }

    /** An input positioned at decompressed data offset {@code offset}. */
    DumpInput openAt(long offset) throws IOException {
        return openAt(offset, 1 << 16, CancelSignal.NEVER);
    }

    /** An input positioned at {@code offset} with a buffer of {@code bufferSize}, for reads that go on forward. */
    DumpInput openAt(long offset, int bufferSize, CancelSignal cancel) throws IOException {
        DumpInput in;
        if (gzipMembers == null) {
            in = new DumpInput(new FileByteSource(file, offset, ProgressListener.NO_OP, cancel), bufferSize, offset);
        } else {
            in = new DumpInput(inflatedMembers.from(offset), bufferSize, offset);
        }
        in.setIdSize(idSize);
        return in;
    }

    /**
     * For a gzip dump, the most bytes one member holds decompressed (the last member is taken to end at the last
     * object's record); 0 for a plain dump.
     */
    long largestGzipMember() {
        if (gzipMembers == null) {
            return 0;
        }
        long end = recordOffsets.size() == 0 ? 0 : recordOffsets.get(recordOffsets.size() - 1);
        return gzipMembers.largestMember(end);
    }

    public long retainedBytes() {
        return recordOffsets.retainedBytes() + (gzipMembers == null ? 0 : gzipMembers.retainedBytes());
    }

    /** The part of {@link #retainedBytes} in mapped files off the Java heap: the record offsets, when they went. */
    public long offHeapBytes() {
        return recordOffsets.retainedBytes() - recordOffsets.heapBytes();
    }
}
