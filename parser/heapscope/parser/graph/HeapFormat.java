package heapscope.parser.graph;

/** The file format a {@link HeapGraph} was read from; its {@link #jsonName()} is the CLI's {@code "format"} value. */
public enum HeapFormat {
    V8_HEAPSNAPSHOT("v8-heapsnapshot"),
    HPROF("hprof");

    private final String jsonName;

    HeapFormat(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
