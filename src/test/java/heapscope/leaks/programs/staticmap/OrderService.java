package heapscope.leaks.programs.staticmap;

import heapscope.leaks.programs.common.LruCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Takes orders: each order prices its lines through a bounded price cache (full after the first phase, then steady
 * churn), builds short-lived objects, and is recorded in {@link AuditRegistry}, which is the leak.
 */
final class OrderService {
    static final int PRICE_CACHE_SIZE = 500;
    private static final int SKUS = 2000;
    private static final int LINES_PER_ORDER = 5;
    private static final String[] CUSTOMERS = new String[40];

    static {
        for (int i = 0; i < CUSTOMERS.length; i++) {
            CUSTOMERS[i] = "customer-" + i;
        }
    }

    /** A line of an order being placed: garbage once the order is recorded. */
    private record OrderLine(String sku, int quantity, long cents) {
    }

    private final LruCache<String, PriceQuote> prices = new LruCache<>(PRICE_CACHE_SIZE);
    private final Random random = new Random(7);
    private long nextOrderId = 1_000_000;
    private long checksum;

    void placeOrders(int count) {
        for (int i = 0; i < count; i++) {
            String customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
            List<OrderLine> lines = new ArrayList<>();
            for (int line = 0; line < LINES_PER_ORDER; line++) {
                String sku = "sku-" + random.nextInt(SKUS);
                PriceQuote quote = prices.computeIfAbsent(sku, s -> new PriceQuote(s, 100 + random.nextInt(9900)));
                quote.hits++;
                lines.add(new OrderLine(sku, 1 + random.nextInt(4), quote.cents));
            }
            long total = lines.stream().mapToLong(l -> l.quantity() * l.cents()).sum();
            checksum += new StringBuilder(customer).append(total).reverse().length();
            AuditRegistry.record(nextOrderId++, "PLACED", customer, total);
        }
    }

    int cachedPrices() {
        return prices.size();
    }

    long checksum() {
        return checksum;
    }
}
