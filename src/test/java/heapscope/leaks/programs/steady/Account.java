package heapscope.leaks.programs.steady;

/** A customer account: made once, then only its fields change. */
final class Account {
    final long number;
    long balanceCents;
    int trades;

    Account(long number) {
        this.number = number;
    }
}
