package heapscope.parser.read.hprof.input;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.hprof.format.HprofFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A gzip-compressed dump: a sequence of gzip members (RFC 1952) read as one stream, as {@code jcmd GC.heap_dump -gz}
 * writes it, with each member's start recorded in a {@link GzipMemberIndex} for later random access. Checks each
 * member's CRC and length. Bytes after the last member that are not a gzip header end the data (as
 * {@code GZIPInputStream} does). Progress is reported in compressed bytes of the file. Single-threaded. Does IO.
 */
public final class GzipByteSource implements ByteSource {
    private static final int FTEXT_HCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;

    private final FileChannel channel;
    private final long fileSize;
    private final ProgressListener listener;
    private final CancelSignal cancel;
    private final ByteBuffer input = ByteBuffer.allocate(1 << 20);
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final GzipMemberIndex members;
    /** File offset of the byte after the last one read into {@link #input}. */
    private long filePosition;
    private long decompressed;
    private long memberDecompressed;
    private boolean inMember;
    private boolean finished;
    private String endProblem;
    private boolean damaged;

    public GzipByteSource(Path file, ProgressListener listener, CancelSignal cancel, GzipMemberIndex members)
            throws IOException {
        this(file, 0, 0, listener, cancel, members);
    }

    /**
     * Reads from the gzip member that starts at compressed byte {@code compressedStart} on, whose data starts at
     * decompressed byte {@code decompressedStart}.
     */
    public GzipByteSource(Path file, long compressedStart, long decompressedStart, ProgressListener listener,
            CancelSignal cancel, GzipMemberIndex members) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.fileSize = channel.size();
        channel.position(compressedStart);
        this.filePosition = compressedStart;
        this.decompressed = decompressedStart;
        this.listener = listener;
        this.cancel = cancel;
        this.members = members;
        input.limit(0);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (!finished) {
            if (!inMember && !startMember()) {
                finished = true;
                break;
            }
            if (inflater.needsInput() && !refill()) {
                endProblem = "the compressed data ends inside a gzip member";
                finished = true;
                break;
            }
            int n;
            try {
                n = inflater.inflate(buffer, offset, length);
            } catch (DataFormatException e) {
                long memberStart = members.compressedStart(members.size() - 1);
                endByDamage("the gzip member starting at compressed byte " + memberStart + " is corrupt ("
                        + e.getMessage() + ")", memberStart);
                break;
            }
            if (n > 0) {
                crc.update(buffer, offset, n);
                memberDecompressed += n;
                decompressed += n;
                return n;
            }
            if (inflater.finished()) {
                finishMember();
            } else if (inflater.needsDictionary()) {
                throw new HprofFormatException("the gzip member starting at compressed byte "
                        + members.compressedStart(members.size() - 1) + " needs a preset dictionary");
            }
        }
        return -1;
    }

    @Override
    public String endProblem() {
        return endProblem;
    }

    @Override
    public boolean endedByDamage() {
        return damaged;
    }

    /** Ends the data at damage: what is wrong, and how much of the file from {@code from} on goes unread. */
    private void endByDamage(String what, long from) {
        long unread = Math.max(0, fileSize - from);
        endProblem = what + "; the last " + unread + " compressed bytes (" + Math.round(100.0 * unread
                / Math.max(1, fileSize)) + " % of the file) were not read";
        damaged = true;
        finished = true;
    }

    /** Reads the next member's header; false when the data holds no further member. */
    private boolean startMember() throws IOException {
        long start = filePosition - input.remaining();
        int id1 = nextByte();
        if (id1 < 0) {
            return false;
        }
        int id2 = nextByte();
        if (id1 != 0x1f || id2 != 0x8b) {
            if (members.size() == 0) {
                throw new HprofFormatException("not a gzip file: no gzip header at byte " + start);
            }
            if (id1 == 0 && (id2 == 0 || id2 < 0)) {
                return false; // zero padding after the last member: ignored, as GZIPInputStream does
            }
            // A member of jcmd's sequence whose header is damaged: the rest cannot be found without guessing.
            endByDamage("the gzip member after the one starting at compressed byte "
                    + members.compressedStart(members.size() - 1) + " has no valid header at compressed byte "
                    + start, start);
            return false;
        }
        int method = nextByte();
        int flags = nextByte();
        if (method != 8) {
            throw new HprofFormatException("the gzip member at byte " + start + " uses compression method " + method
                    + ", not deflate");
        }
        skipBytes(6); // mtime, xfl, os
        if ((flags & FEXTRA) != 0) {
            int xlen = nextByte() | (nextByte() << 8);
            skipBytes(xlen);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FTEXT_HCRC) != 0) {
            skipBytes(2);
        }
        members.add(start, decompressed);
        inflater.reset();
        inflater.setInput(input); // reset() drops the input buffer
        crc.reset();
        memberDecompressed = 0;
        inMember = true;
        return true;
    }

    private void finishMember() throws IOException {
        // With setInput(ByteBuffer) the inflater advanced the buffer's position itself: the trailer comes next.
        long expectedCrc = readLittleEndianInt();
        long expectedSize = readLittleEndianInt();
        if (expectedCrc != crc.getValue() || expectedSize != (memberDecompressed & 0xffffffffL)) {
            throw new HprofFormatException("the gzip member starting at compressed byte "
                    + members.compressedStart(members.size() - 1) + " is corrupt (CRC or length mismatch)");
        }
        inMember = false;
    }

    private long readLittleEndianInt() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int b = nextByte();
            if (b < 0) {
                throw new EndOfDataException(decompressed);
            }
            v |= (long) b << (8 * i);
        }
        return v;
    }

    private void skipZeroTerminated() throws IOException {
        int b;
        do {
            b = nextByte();
        } while (b > 0);
        if (b < 0) {
            throw new EndOfDataException(decompressed);
        }
    }

    private void skipBytes(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (nextByte() < 0) {
                throw new EndOfDataException(decompressed);
            }
        }
    }

    private int nextByte() throws IOException {
        if (!input.hasRemaining() && !refill()) {
            return -1;
        }
        return input.get() & 0xff;
    }

    /** Reads more compressed bytes and hands them to the inflater; false at the end of the file. */
    private boolean refill() throws IOException {
        cancel.throwIfCanceled();
        input.compact();
        int n = channel.read(input);
        input.flip();
        if (n > 0) {
            filePosition += n;
            listener.progress(filePosition, fileSize);
        }
        inflater.setInput(input);
        return input.hasRemaining();
    }

    @Override
    public double fractionRead() {
        return fileSize == 0 ? -1 : (double) filePosition / fileSize;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        channel.close();
    }
}
