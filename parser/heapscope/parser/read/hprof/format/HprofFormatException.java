package heapscope.parser.read.hprof.format;

/**
 * The bytes are not a valid HPROF dump. The message is the problem without the file name and names the byte offset,
 * e.g. {@code "unknown heap dump sub-record tag 0x42 at byte 1234"}; {@link heapscope.parser.read.hprof.HprofReader}
 * turns it into a {@link heapscope.parser.read.HeapFileException} that adds the file name.
 */
public final class HprofFormatException extends RuntimeException {
    public HprofFormatException(String problem) {
        super(problem, null, false, false);
    }
}
