package heapscope.parser.read;

import java.nio.file.Path;

/**
 * A heap file that this JVM has too little memory to open: refused before reading when the {@link MemoryEstimate}
 * did not fit, or after the JVM ran out of memory while opening it. Carries the maximum heap that would do, so that
 * the app and the CLI can say which {@code -Xmx} to start with (and where to set it for an installed app).
 */
public final class NotEnoughMemoryException extends HeapFileException {
    private final long suggestedMaxHeapBytes;

    private NotEnoughMemoryException(Path file, String problem, long suggestedMaxHeapBytes, Throwable cause) {
        super(file, problem, cause);
        this.suggestedMaxHeapBytes = suggestedMaxHeapBytes;
    }

    /** Refused up front: the estimate's peak does not fit in what was available. */
    static NotEnoughMemoryException beforeReading(Path file, MemoryEstimate estimate, long availableBytes) {
        long max = Runtime.getRuntime().maxMemory();
        return new NotEnoughMemoryException(file, "needs about " + MemoryEstimate.humanBytes(estimate.peakBytes())
                + " of memory to open (" + estimate.describeCounts() + "), but only "
                + MemoryEstimate.humanBytes(Math.max(0, availableBytes)) + " of the "
                + MemoryEstimate.humanBytes(max) + " this Java may use are free", estimate.suggestedMaxHeapBytes(),
                null);
    }

    /**
     * The JVM ran out of memory while opening the file. With an estimate (the graph's counts were known) the
     * suggestion comes from it; without, from doubling the maximum heap.
     */
    public static NotEnoughMemoryException ranOut(Path file, MemoryEstimate estimateOrNull, OutOfMemoryError error) {
        long max = Runtime.getRuntime().maxMemory();
        long suggested = estimateOrNull != null ? Math.max(estimateOrNull.suggestedMaxHeapBytes(),
                MemoryEstimate.roundUpHeap(max + (256L << 20))) : MemoryEstimate.roundUpHeap(2 * max);
        String needs = estimateOrNull != null ? " (it needs about " + MemoryEstimate.humanBytes(
                estimateOrNull.peakBytes()) + " for " + estimateOrNull.describeCounts() + ")" : "";
        return new NotEnoughMemoryException(file, "ran out of memory while opening it" + needs + "; this Java may use "
                + MemoryEstimate.humanBytes(max), suggested, error);
    }

    /** The maximum heap that would do, in bytes (a multiple of 256 MiB). */
    public long suggestedMaxHeapBytes() {
        return suggestedMaxHeapBytes;
    }

    /** The same as {@code -Xmx} syntax: {@code 768m}, {@code 3g}. */
    public String suggestedXmx() {
        return MemoryEstimate.xmx(suggestedMaxHeapBytes);
    }
}
