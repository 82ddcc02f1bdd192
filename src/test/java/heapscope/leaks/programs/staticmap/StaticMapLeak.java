package heapscope.leaks.programs.staticmap;

import heapscope.leaks.programs.common.PhaseDumps;
import java.nio.file.Path;

/**
 * Leak program {@code java-static-map}: a static map that only grows. Each phase places {@value #ORDERS_PER_PHASE}
 * orders; each is recorded in {@code AuditRegistry.ENTRIES} (a static {@code HashMap<Long, OrderAuditEntry>}) and
 * never removed. Around it, as in a real service: a 500-entry LRU price cache, full from the first phase on, and
 * short-lived garbage. The truth is in src/test/resources/programs/leaks/java-static-map.truth.json.
 *
 * <p>Run: {@code java -cp test-classes heapscope.leaks.programs.staticmap.StaticMapLeak OUT_DIR}; writes
 * {@code OUT_DIR/java-static-map-{1..4}.hprof}.
 */
public final class StaticMapLeak {
    static final int ORDERS_PER_PHASE = 600;

    private StaticMapLeak() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        OrderService orders = new OrderService();
        for (int phase = 1; phase <= PhaseDumps.PHASES; phase++) {
            orders.placeOrders(ORDERS_PER_PHASE);
            PhaseDumps.dump(out, "java-static-map", phase, "AuditRegistry.ENTRIES=" + AuditRegistry.ENTRIES.size()
                    + " prices=" + orders.cachedPrices() + " checksum=" + orders.checksum());
        }
    }
}
