package heapscope.parser.analysis;

/** DevTools' distance conventions (HeapSnapshotModel.ts), shared by every place that reads or shows a distance. */
public final class Distances {
    /** A node no BFS reached. */
    public static final int NO_DISTANCE = -5;
    /** Added to nodes reachable only through the system (non-user) roots; such distances show as "−". */
    public static final int BASE_SYSTEM_DISTANCE = 100_000_000;
    /** Added to the distance of a retainer the user chose to ignore in the Retainers view. */
    public static final int BASE_UNREACHABLE_DISTANCE = 2 * BASE_SYSTEM_DISTANCE;

    private Distances() {
    }

    /** Whether a raw distance is one a user-facing view shows as a number (reachable from a user root). */
    public static boolean isUserReachable(int distance) {
        return distance >= 0 && distance < BASE_SYSTEM_DISTANCE;
    }
}
