package heapscope.parser.read.hprof.input;

/**
 * The data ended in the middle of something being read: the dump was cut short. {@link #position()} is the
 * (decompressed) byte offset at which the data ends. Control flow only; carries no stack trace.
 */
public final class EndOfDataException extends RuntimeException {
    private final long position;

    EndOfDataException(long position) {
        super("the data ends at byte " + position, null, false, false);
        this.position = position;
    }

    public long position() {
        return position;
    }
}
