package heapscope.leaks.programs.steady;

import heapscope.leaks.programs.common.LruCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A trading service that does not leak: every phase does the same work, and after the first phase nothing it keeps
 * grows. A {@value #QUOTE_CACHE_SIZE}-entry LRU cache of quotes (a {@code LinkedHashMap} in access order) is full
 * from the first phase on and churns (misses replace entries with new {@code Quote}s); {@value #ACCOUNTS} accounts
 * are made once and mutated in place; a country table is loaded in the first phase and kept; every trade makes
 * short-lived garbage. Not thread-safe.
 */
final class SteadyWorkload {
    static final int QUOTE_CACHE_SIZE = 500;
    static final int ACCOUNTS = 300;
    static final int COUNTRIES = 250;
    static final int TRADES_PER_PHASE = 20_000;
    private static final int SYMBOLS = 3000;

    /** A trade as it is checked and booked: garbage once booked. */
    private record Trade(Account account, Quote quote, int quantity, String memo) {
    }

    private final LruCache<String, Quote> quotes = new LruCache<>(QUOTE_CACHE_SIZE);
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, Country> countries = new HashMap<>();
    private final Random random = new Random(11);
    private long booked;

    SteadyWorkload() {
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(new Account(700_000 + i));
        }
    }

    void runPhase(int phase) {
        if (phase == 1) {
            for (int i = 0; i < COUNTRIES; i++) {
                String code = "C" + i;
                countries.put(code, new Country(code, "Country " + i));
            }
        }
        for (int i = 0; i < TRADES_PER_PHASE; i++) {
            String symbol = "SYM" + random.nextInt(SYMBOLS);
            Quote quote = quotes.computeIfAbsent(symbol, s -> new Quote(s, 100 + random.nextInt(100_000)));
            quote.hits++;
            Account account = accounts.get(random.nextInt(ACCOUNTS));
            Trade trade = new Trade(account, quote, 1 + random.nextInt(100), "trade " + i + " in " + symbol);
            account.balanceCents -= trade.quantity() * trade.quote().cents;
            account.trades++;
            booked += trade.memo().length() + countries.get("C" + (i % COUNTRIES)).name.length();
        }
    }

    String sizes() {
        return "quotes=" + quotes.size() + " accounts=" + accounts.size() + " countries=" + countries.size()
                + " booked=" + booked;
    }
}
