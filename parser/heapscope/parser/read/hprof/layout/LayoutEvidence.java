package heapscope.parser.read.hprof.layout;

import heapscope.parser.read.hprof.index.HprofClass;

/**
 * What the first pass learns about object sizes from addresses: the bits set in any object address (for the
 * alignment), and the gap between each object and the next one in the file, which is its size when the two are
 * neighbours in memory (HotSpot writes objects in heap order). Gaps after instances are voted per class (see
 * {@link HprofClass#observeGap}); gaps after small arrays are sampled. Class records break the sequence (HotSpot
 * writes them all first, out of address order).
 *
 * <p>Single-threaded; no IO.
 */
public final class LayoutEvidence {
    /** Gaps above this are not neighbours (a region or TLAB end, or a filler). */
    public static final long MAX_GAP = 1 << 16;
    private static final int MAX_SAMPLES = 1 << 14;
    private static final int MAX_SAMPLED_LENGTH = 1 << 12;

    private static final int NONE = 0;
    private static final int INSTANCE = 1;
    private static final int ARRAY = 2;

    long idBits;
    long objectCount;
    final byte[] sampleTypes = new byte[MAX_SAMPLES];
    final int[] sampleLengths = new int[MAX_SAMPLES];
    final int[] sampleGaps = new int[MAX_SAMPLES];
    int sampleCount;

    private int previousKind = NONE;
    private long previousId;
    private HprofClass previousClass;
    private int previousArrayType;
    private long previousArrayLength;

    public void instance(long id, HprofClass c) {
        observe(id);
        previousKind = c == null ? NONE : INSTANCE;
        previousClass = c;
    }

    public void array(long id, int basicType, long length) {
        observe(id);
        previousKind = ARRAY;
        previousArrayType = basicType;
        previousArrayLength = length;
    }

    public void classObject(long id) {
        idBits |= id;
        objectCount++;
        previousKind = NONE;
    }

    private void observe(long id) {
        idBits |= id;
        objectCount++;
        long gap = id - previousId;
        if (previousKind != NONE && gap > 0 && gap <= MAX_GAP) {
            if (previousKind == INSTANCE) {
                previousClass.observeGap(gap);
            } else if (sampleCount < MAX_SAMPLES && previousArrayLength < MAX_SAMPLED_LENGTH) {
                sampleTypes[sampleCount] = (byte) previousArrayType;
                sampleLengths[sampleCount] = (int) previousArrayLength;
                sampleGaps[sampleCount] = (int) gap;
                sampleCount++;
            }
        }
        previousId = id;
    }
}
