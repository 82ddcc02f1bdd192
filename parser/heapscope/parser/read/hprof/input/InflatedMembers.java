package heapscope.parser.read.hprof.input;

import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decompressed data of a multi-member gzip dump, read from any offset: the few members read last are kept whole,
 * so that reads close together (a String and its value array, the rows of one page) inflate a member once instead of
 * once per read. {@code jcmd GC.heap_dump -gz} members hold 1 MiB each. Thread-safe. Does IO.
 */
public final class InflatedMembers {
    /** Members kept; an object's record and what it points to are usually within a few MiB of each other. */
    private static final int KEPT = 4;

    private final Path file;
    private final GzipMemberIndex members;
    private final Map<Integer, byte[]> kept = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    public InflatedMembers(Path file, GzipMemberIndex members) {
        this.file = file;
        this.members = members;
    }

    /** The data from decompressed offset {@code offset} on, across members. */
    public ByteSource from(long offset) throws IOException {
        int member = members.memberContaining(offset);
        Reader reader = new Reader(member);
        reader.at = (int) Math.min(offset - members.decompressedStart(member), reader.data.length);
        return reader;
    }

    private synchronized byte[] member(int index) throws IOException {
        byte[] data = kept.get(index);
        if (data == null) {
            data = inflate(index);
            kept.put(index, data);
        }
        return data;
    }

    /** Inflates one member whole: up to where the next one starts, or to the end of the file for the last one. */
    private byte[] inflate(int index) throws IOException {
        long start = members.decompressedStart(index);
        long end = index + 1 < members.size() ? members.decompressedStart(index + 1) : Long.MAX_VALUE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(end == Long.MAX_VALUE ? 1 << 20 : (int) (end - start));
        byte[] buffer = new byte[1 << 16];
        try (GzipByteSource source = new GzipByteSource(file, members.compressedStart(index), start,
                ProgressListener.NO_OP, CancelSignal.NEVER, new GzipMemberIndex())) {
            long remaining = end - start;
            while (remaining > 0) {
                int n = source.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                remaining -= n;
            }
        }
        return out.toByteArray();
    }

    /** Reads the kept members one after the other, from a position in the first. */
    private final class Reader implements ByteSource {
        private int member;
        private byte[] data;
        private int at;

        Reader(int member) throws IOException {
            this.member = member;
            this.data = member(member);
        }

        /** Moves on to the next member with data; false at the end of the dump. */
        private boolean next() throws IOException {
            while (at == data.length) {
                if (member + 1 >= members.size()) {
                    return false;
                }
                member++;
                data = member(member);
                at = 0;
            }
            return true;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (!next()) {
                return -1;
            }
            int n = Math.min(length, data.length - at);
            System.arraycopy(data, at, buffer, offset, n);
            at += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && next()) {
                int step = (int) Math.min(n - skipped, data.length - at);
                at += step;
                skipped += step;
            }
            return skipped;
        }

        @Override
        public void close() {
            // The members stay kept for the next reads.
        }
    }
}
