package heapscope.parser.model;

/**
 * What a leak suspect holds of one class in the last snapshot, split by the snapshot each object first appeared in.
 *
 * @param className the class as the report names it (a closure by its function, a lambda by its declaring class)
 * @param countByFirstSnapshot by 0-based snapshot index, how many of the objects first appeared in that snapshot
 * @param bytesByFirstSnapshot their shallow sizes, likewise
 */
public record ClassGrowth(String className, long[] countByFirstSnapshot, long[] bytesByFirstSnapshot) {

    /** How many of the objects the last snapshot holds. */
    public long count() {
        long total = 0;
        for (long c : countByFirstSnapshot) {
            total += c;
        }
        return total;
    }

    /** How many appeared after the first snapshot: the part that grew. */
    public long added() {
        return count() - countByFirstSnapshot[0];
    }

    /** The bytes of the objects that appeared after the first snapshot. */
    public long addedBytes() {
        long total = 0;
        for (int k = 1; k < bytesByFirstSnapshot.length; k++) {
            total += bytesByFirstSnapshot[k];
        }
        return total;
    }

    /** How many of the held objects each snapshot already had (those still alive in the last). */
    public long[] countBySnapshot() {
        long[] counts = new long[countByFirstSnapshot.length];
        long running = 0;
        for (int k = 0; k < counts.length; k++) {
            running += countByFirstSnapshot[k];
            counts[k] = running;
        }
        return counts;
    }
}
