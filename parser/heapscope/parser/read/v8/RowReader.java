package heapscope.parser.read.v8;

import java.io.IOException;

/**
 * Reads one of the snapshot's flat arrays of unsigned numbers ({@code nodes}, {@code edges}) as rows of a layout's
 * field count, handing each complete row to a sink; the row array is reused. Past the count the header announced,
 * numbers are still counted (for the error message) but no longer handed on. Allocates nothing per row. Not
 * thread-safe. Does IO through its tokenizer.
 */
final class RowReader {
    /** Takes one row; the array is only valid during the call. */
    @FunctionalInterface
    interface RowSink {
        void row(long[] row) throws SnapshotFormatException;
    }

    private RowReader() {
    }

    /** Reads the array at the tokenizer's position and returns how many numbers it held. */
    static long read(JsonTokenizer tokenizer, int fieldCount, long expectedNumbers, RowSink sink)
            throws IOException, SnapshotFormatException {
        long[] row = new long[fieldCount];
        int column = 0;
        long numbers = 0;
        if (tokenizer.enterArray()) {
            do {
                long value = tokenizer.readUnsignedLong();
                if (numbers < expectedNumbers) {
                    row[column] = value;
                    if (++column == fieldCount) {
                        sink.row(row);
                        column = 0;
                    }
                }
                numbers++;
            } while (tokenizer.nextArrayElement());
        }
        return numbers;
    }
}
