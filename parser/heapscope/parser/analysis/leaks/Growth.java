package heapscope.parser.analysis.leaks;

/**
 * How a retained size moved across the snapshots: in how many steps it rose, whether it ever fell, and by how much it
 * grew from the first snapshot it was followed in to the last. A step counts as a rise or a fall only beyond a
 * tolerance of 1 % (and 256 bytes), so that a full cache whose entries are replaced by others of slightly different
 * sizes stays flat. An unknown size (the object was too small to be followed then) counts as 0 for rises. Immutable.
 */
record Growth(int rises, boolean fell, long bytes) {
    static Growth of(long[] sizes) {
        int rises = 0;
        boolean fell = false;
        for (int k = 1; k < sizes.length; k++) {
            long before = Math.max(0, sizes[k - 1]);
            long size = Math.max(0, sizes[k]);
            long tolerance = Math.max(256, before / 100);
            if (size > before + tolerance) {
                rises++;
            } else if (size < before - tolerance) {
                fell = true;
            }
        }
        long first = 0;
        for (long size : sizes) {
            if (size >= 0) {
                first = size;
                break;
            }
        }
        return new Growth(rises, fell, Math.max(0, sizes[sizes.length - 1] - first));
    }

    /** Rose in at least two steps (in the only step of a two-snapshot series) and never fell. */
    boolean kept(int snapshots) {
        return !fell && rises >= Math.min(2, snapshots - 1);
    }

    boolean everyStep(int snapshots) {
        return !fell && rises == snapshots - 1;
    }
}
