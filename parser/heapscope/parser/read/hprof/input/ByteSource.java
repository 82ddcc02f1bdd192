package heapscope.parser.read.hprof.input;

import java.io.Closeable;
import java.io.IOException;

/** The (decompressed) bytes of a dump file, read once from the start. Single-threaded. Does IO. */
public interface ByteSource extends Closeable {
    /** Reads up to {@code length} bytes into {@code buffer}; returns how many, or -1 at the end of the data. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Skips up to {@code n} bytes without reading them, if the source can (a plain file seeks); returns how many
     * were skipped (fewer at the end of the data), or -1 when it cannot skip and the caller must read through.
     */
    default long skip(long n) throws IOException {
        return -1;
    }

    /** A note on how the data ended when that was abnormal (e.g. inside a gzip member), else null. */
    default String endProblem() {
        return null;
    }

    /** How much of the file has been read, 0 to 1 (compressed bytes for a gzip file), or -1 when unknown. */
    default double fractionRead() {
        return -1;
    }

    /** Whether the data ended because the file is damaged there (a corrupt gzip member), not because it was cut. */
    default boolean endedByDamage() {
        return false;
    }
}
