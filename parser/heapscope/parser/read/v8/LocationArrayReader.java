package heapscope.parser.read.v8;

import heapscope.parser.graph.HeapGraphBuilder;
import java.io.IOException;

/**
 * Reads the {@code locations} array (source positions of closures and other objects) into a
 * {@link HeapGraphBuilder}, one row of {@link LocationLayout#fieldCount()} numbers per location. Not thread-safe.
 * Does IO through its tokenizer.
 */
final class LocationArrayReader {
    private LocationArrayReader() {
    }

    static void read(JsonTokenizer tokenizer, SnapshotHeader header, HeapGraphBuilder builder)
            throws IOException, SnapshotFormatException {
        tokenizer.within("the locations array");
        if (!tokenizer.enterArray()) {
            return;
        }
        LocationLayout layout = header.locations();
        if (layout == null) {
            throw new SnapshotFormatException("the file has locations but the snapshot meta lacks 'location_fields'");
        }
        int fieldCount = layout.fieldCount();
        long[] row = new long[fieldCount];
        int column = 0;
        long numbers = 0;
        do {
            row[column] = tokenizer.readUnsignedLong();
            numbers++;
            if (++column == fieldCount) {
                addLocation(row, layout, header, builder, numbers / fieldCount - 1);
                column = 0;
            }
        } while (tokenizer.nextArrayElement());
        if (column != 0) {
            throw new SnapshotFormatException("the locations array holds " + numbers + " numbers, not a multiple of "
                    + "the " + fieldCount + " location fields");
        }
    }

    private static void addLocation(long[] row, LocationLayout layout, SnapshotHeader header,
            HeapGraphBuilder builder, long location) throws SnapshotFormatException {
        long objectIndex = row[layout.objectIndexOffset()];
        int nodeFieldCount = header.nodes().fieldCount();
        long ordinal = objectIndex / nodeFieldCount;
        if (ordinal * nodeFieldCount != objectIndex || ordinal >= header.nodeCount()) {
            throw new SnapshotFormatException("location " + location + " belongs to object_index " + objectIndex
                    + ", which is not the index of a node (a multiple of " + nodeFieldCount + " below "
                    + nodeFieldCount + " × " + header.nodeCount() + ")");
        }
        builder.addLocation((int) ordinal, intField(row, layout.scriptIdOffset(), "script_id", location),
                intField(row, layout.lineOffset(), "line", location),
                intField(row, layout.columnOffset(), "column", location));
    }

    private static int intField(long[] row, int offset, String name, long location) throws SnapshotFormatException {
        long value = row[offset];
        if (value > Integer.MAX_VALUE) {
            throw new SnapshotFormatException("location " + location + " has " + name + " " + value + ", beyond "
                    + Integer.MAX_VALUE);
        }
        return (int) value;
    }
}
