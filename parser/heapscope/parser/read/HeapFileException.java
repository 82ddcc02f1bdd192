package heapscope.parser.read;

import java.nio.file.Path;

/**
 * A file cannot be read as a heap dump. The message is one sentence a user can act on and always names the file,
 * e.g. {@code "app.heapsnapshot: truncated: the file ends inside the nodes array"}. Subclassed only where a caller
 * needs more than the sentence ({@link NotEnoughMemoryException}: the heap that would do).
 */
public class HeapFileException extends Exception {
    private final Path file;
    private final String problem;

    public HeapFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public HeapFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
