package heapscope.leaks.programs.steady;

/** A price quote for a symbol, kept in the bounded quote cache. */
final class Quote {
    final String symbol;
    final long cents;
    long hits;

    Quote(String symbol, long cents) {
        this.symbol = symbol;
        this.cents = cents;
    }
}
