package heapscope.parser.graph;

/** The data read does not form a consistent heap graph; the message says what is wrong, without the file name. */
public final class GraphFormatException extends RuntimeException {
    public GraphFormatException(String message) {
        super(message);
    }
}
