package heapscope.parser.read.hprof.objects;

import heapscope.parser.graph.FieldValue;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.ObjectContents;
import java.util.List;

/**
 * The contents of a dump opened from a store: Strings' text from the store (so it shows even when the dump is not
 * there), field values from the dump when it is beside the store, else none and a sentence saying what to do.
 * Thread-safe.
 */
public final class StoredObjectContents implements ObjectContents {
    private final StoredStringTexts texts;
    /** Reads the dump; {@link ObjectContents#none} when it is not there or cannot be read cheaply. */
    private final ObjectContents dump;

    public StoredObjectContents(StoredStringTexts texts, ObjectContents dump) {
        this.texts = texts;
        this.dump = dump;
    }

    @Override
    public String text(HeapGraph graph, int ordinal, int maxChars) {
        if (maxChars > StoredStringTexts.TEXT_CHARS && dump.unavailable() == null) {
            return dump.text(graph, ordinal, maxChars);
        }
        return texts.text(ordinal, maxChars);
    }

    @Override
    public List<FieldValue> fields(HeapGraph graph, int ordinal) {
        return dump.fields(graph, ordinal);
    }

    @Override
    public String unavailable() {
        return dump.unavailable();
    }

    public StoredStringTexts texts() {
        return texts;
    }

    /** What reads the dump: {@link HprofObjectContents} when the dump is there. */
    public ObjectContents dump() {
        return dump;
    }

    @Override
    public long retainedBytes() {
        return dump.retainedBytes();
    }

    @Override
    public long offHeapBytes() {
        return dump.offHeapBytes();
    }
}
