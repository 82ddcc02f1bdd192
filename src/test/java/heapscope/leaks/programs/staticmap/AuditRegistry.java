package heapscope.leaks.programs.staticmap;

import java.util.HashMap;
import java.util.Map;

/** The application's audit trail, kept in memory "until it is shipped"; nothing ever ships or removes it. */
final class AuditRegistry {
    /** The leak: one entry per order, keyed by the order id (a {@code Long} above the boxing cache), forever. */
    static final Map<Long, OrderAuditEntry> ENTRIES = new HashMap<>();

    private AuditRegistry() {
    }

    static void record(long orderId, String action, String customer, long amountCents) {
        String detail = action + " order " + orderId + " for " + customer + ", " + amountCents + " cents";
        ENTRIES.put(orderId, new OrderAuditEntry(orderId, action, customer, detail, amountCents));
    }
}
