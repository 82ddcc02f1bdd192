package heapscope.app.ui.common;

import heapscope.parser.graph.HeapFormat;
import heapscope.parser.view.Units;

/**
 * The words and units a heap grid uses, one set per world, kept the same in every pane: a V8 snapshot reads as
 * Chrome DevTools' Memory panel (Constructor, Distance, Shallow Size, Retained Size in kB, the instance count beside
 * the constructor), a Java dump as Eclipse MAT (Class, Objects, Shallow Heap, Retained Heap in bytes).
 */
public enum Vocabulary {
    DEVTOOLS,
    JAVA;

    public static Vocabulary of(HeapFormat format) {
        return format == HeapFormat.HPROF ? JAVA : DEVTOOLS;
    }

    /** The column's header. */
    public String title(ColumnKind kind) {
        boolean java = this == JAVA;
        return switch (kind) {
            case OBJECT -> "Object";
            case CONSTRUCTOR -> java ? "Class" : "Constructor";
            case DISTANCE -> "Distance";
            case COUNT -> java ? "Objects" : "Count";
            case SHALLOW -> java ? "Shallow Heap" : "Shallow Size";
            case RETAINED -> java ? "Retained Heap" : "Retained Size";
            case NEW_COUNT -> java ? "New" : "# New";
            case DELETED_COUNT -> java ? "Deleted" : "# Deleted";
            case COUNT_DELTA -> java ? "Objects \u0394" : "# Delta";
            case ALLOC_SIZE -> java ? "New Heap" : "Alloc. Size";
            case FREED_SIZE -> java ? "Freed Heap" : "Freed Size";
            case SIZE_DELTA -> java ? "Heap \u0394" : "Size Delta";
        };
    }

    /** The column header's tooltip (DevTools' texts for V8, MAT's meanings for Java). */
    public String tooltip(ColumnKind kind) {
        boolean java = this == JAVA;
        return switch (kind) {
            case OBJECT -> java ? "The object: its class, and @0x\u2026, its address in the dump"
                    : "The object: its constructor or name, and @id, its id in the snapshot";
            case CONSTRUCTOR -> java ? "The class of the objects"
                    : "The constructor of the objects, with the number of instances: \u00d7count";
            case DISTANCE -> java ? "Distance from the GC roots: the fewest references from the dump's root group"
                    + " nodes (an object a GC root holds is at 2)"
                    : "Distance from window object: the fewest references from a global object; \u2212 when only the"
                    + " system reaches it";
            case COUNT -> "Number of instances";
            case SHALLOW -> java ? "Shallow heap: the bytes of the object itself (for a class: all its instances)"
                    : "Size of the object itself in bytes";
            case RETAINED -> java ? "Retained heap: the bytes that would be freed if the object went away"
                    : "Size of the object plus the graph it retains in bytes";
            case NEW_COUNT -> "Objects in this snapshot that were not in the base snapshot";
            case DELETED_COUNT -> "Objects of the base snapshot that are gone from this snapshot";
            case COUNT_DELTA -> "New minus deleted objects";
            case ALLOC_SIZE -> java ? "Shallow heap of the new objects" : "Shallow size of the new objects";
            case FREED_SIZE -> java ? "Shallow heap of the deleted objects" : "Shallow size of the deleted objects";
            case SIZE_DELTA -> java ? "New minus freed shallow heap" : "Allocated minus freed size";
        };
    }

    /** Whether the grid shows the count as a column of its own (MAT) rather than beside the name (DevTools). */
    public boolean countColumn() {
        return this == JAVA;
    }

    /** A size in a grid cell: DevTools' kilobytes, or MAT's exact bytes. */
    public String size(long bytes) {
        return this == JAVA ? Units.count(bytes) : Units.kilobytes(bytes);
    }

    /** A size in a cell where DevTools writes it in the unit that fits (the Comparison's class rows). */
    public String fittedSize(long bytes) {
        return this == JAVA ? Units.count(bytes) : Units.bytes(bytes);
    }

    /** A size delta in a cell. */
    public String sizeDelta(long bytes) {
        return this == JAVA ? Units.signedCount(bytes) : Units.signedBytes(bytes);
    }

    /** The tooltip of a size: the fitted unit and the exact bytes. */
    public static String sizeTooltip(long bytes) {
        return Units.bytes(bytes) + " (" + Units.exactBytes(bytes) + ")";
    }
}
