package heapscope.leaks.programs.staticmap;

/** A price looked up for a SKU, kept in the bounded price cache. */
final class PriceQuote {
    final String sku;
    final long cents;
    int hits;

    PriceQuote(String sku, long cents) {
        this.sku = sku;
        this.cents = cents;
    }
}
