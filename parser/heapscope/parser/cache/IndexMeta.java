package heapscope.parser.cache;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.store.Blob;
import heapscope.parser.store.StoreFormatException;

/**
 * The first section of an index file: what it is, which build wrote it, the dump it was made from, and the counts
 * {@code heapscope cache list} shows without reading the rest. Immutable.
 *
 * @param portable true for a {@code heapscope index} file, false for a cache entry
 */
record IndexMeta(boolean portable, String producer, DumpIdentity dump, String format, int nodeCount, int edgeCount,
        long totalSize, long createdMillis) {
    static final String SECTION = "meta";

    static IndexMeta of(AnalyzedHeap heap, DumpIdentity dump, boolean portable) {
        return new IndexMeta(portable, EngineBuild.current(), dump, heap.format().jsonName(), heap.graph().nodeCount(),
                heap.graph().edgeCount(), heap.totalSize(), System.currentTimeMillis());
    }

    byte[] toBytes() {
        Blob.Writer out = new Blob.Writer().putBoolean(portable).putString(producer);
        dump.write(out);
        return out.putString(format).putInt(nodeCount).putInt(edgeCount).putLong(totalSize).putLong(createdMillis)
                .toByteArray();
    }

    static IndexMeta of(byte[] bytes) throws StoreFormatException {
        Blob.Reader in = new Blob.Reader(bytes);
        return new IndexMeta(in.getBoolean(), in.getString(), DumpIdentity.read(in), in.getString(), in.getInt(),
                in.getInt(), in.getLong(), in.getLong());
    }
}
