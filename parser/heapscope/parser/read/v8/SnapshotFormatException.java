package heapscope.parser.read.v8;

/**
 * The snapshot's bytes break the format; the message is one sentence saying how, without the file name.
 * {@link V8SnapshotReader} turns it into a {@link heapscope.parser.read.HeapFileException} that names the file.
 */
final class SnapshotFormatException extends Exception {
    SnapshotFormatException(String problem) {
        // No stack trace: this is a verdict on the input, not a program error, and it is thrown for every bad file.
        super(problem, null, false, false);
    }
}
