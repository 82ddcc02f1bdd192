package heapscope.parser.read.hprof;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.ObjectText;
import java.io.IOException;

/**
 * The text of {@code java.lang.String} objects, read from the dump when a view shows one. Each read opens the file,
 * seeks to the String's record and to its value array's, and closes it again, so it is thread-safe and holds no file
 * open. Offered only where a read is cheap: plain dumps, and gzip dumps made of small members ({@code jcmd -gz}
 * writes 1 MiB members); a dump gzipped as one stream would have to be inflated from its start for every String.
 */
final class StringText implements ObjectText {
    /** The most a read may have to inflate before it reaches its record. */
    private static final long MAX_INFLATE_BYTES = 2L << 20;

    private final ObjectDetailsSource source;

    private StringText(ObjectDetailsSource source) {
        this.source = source;
    }

    static ObjectText of(ObjectDetailsSource source) {
        return source.largestGzipMember() <= MAX_INFLATE_BYTES ? new StringText(source) : ObjectText.NONE;
    }

    @Override
    public long retainedBytes() {
        return source.retainedBytes();
    }

    @Override
    public String read(HeapGraph graph, int ordinal, int maxChars) {
        try (HprofObjectReader reader = new HprofObjectReader(graph, source)) {
            return reader.stringValue(ordinal, maxChars);
        } catch (IOException unreadable) {
            // The file moved or changed since it was opened: the object shows without its text.
            return null;
        }
    }
}
