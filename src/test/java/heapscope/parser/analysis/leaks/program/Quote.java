package heapscope.parser.analysis.leaks.program;

/** A price the cache keeps for a while. */
final class Quote {
    final int sku;
    final long cents;

    Quote(int sku, long cents) {
        this.sku = sku;
        this.cents = cents;
    }
}
