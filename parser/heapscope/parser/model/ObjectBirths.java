package heapscope.parser.model;

/**
 * For one snapshot of a series, the number of the snapshot (1-based, in the order taken) in which each of its objects
 * first appears: 1 for objects that were already in the first snapshot, k for objects allocated between snapshot k-1
 * and snapshot k. For Java heap dumps this is what the object matching found (an object it could not match to the
 * snapshot before counts as new there); V8 snapshots do not need it, their ids tell. A byte per object, so a series may
 * have at most {@value #MAX_SNAPSHOTS} snapshots. Immutable; thread-safe. No IO.
 */
public final class ObjectBirths {
    public static final int MAX_SNAPSHOTS = Byte.MAX_VALUE;

    private final int snapshot;
    private final byte[] firstSnapshotByNode;

    /**
     * @param snapshot the 1-based number of the snapshot these objects are in
     * @param firstSnapshotByNode by node ordinal of that snapshot, the first snapshot holding the object (1 to
     *     {@code snapshot})
     */
    public ObjectBirths(int snapshot, byte[] firstSnapshotByNode) {
        if (snapshot < 1 || snapshot > MAX_SNAPSHOTS) {
            throw new IllegalArgumentException("snapshot " + snapshot + " of at most " + MAX_SNAPSHOTS);
        }
        this.snapshot = snapshot;
        this.firstSnapshotByNode = firstSnapshotByNode;
    }

    /** The 1-based number of the snapshot these births are for. */
    public int snapshot() {
        return snapshot;
    }

    /** The 1-based number of the first snapshot that holds the object. */
    public int firstSnapshot(int ordinal) {
        return firstSnapshotByNode[ordinal];
    }

    public int nodeCount() {
        return firstSnapshotByNode.length;
    }

    public long retainedBytes() {
        return firstSnapshotByNode.length;
    }
}
