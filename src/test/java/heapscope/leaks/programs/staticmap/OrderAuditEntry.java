package heapscope.leaks.programs.staticmap;

/** One line of the audit trail. {@code action} and {@code customer} are shared; {@code detail} is its own String. */
final class OrderAuditEntry {
    final long orderId;
    final String action;
    final String customer;
    final String detail;
    final long amountCents;
    final long recordedAtNanos = System.nanoTime();

    OrderAuditEntry(long orderId, String action, String customer, String detail, long amountCents) {
        this.orderId = orderId;
        this.action = action;
        this.customer = customer;
        this.detail = detail;
        this.amountCents = amountCents;
    }
}
