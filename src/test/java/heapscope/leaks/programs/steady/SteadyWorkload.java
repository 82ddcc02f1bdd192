package heapscope.leaks.programs.steady;

import heapscope.leaks.programs.common.LruCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A trading service that does not leak: every phase does the same work, and after the first phase nothing it keeps
 * grows. Trades are booked by {@value #WORKERS} worker threads, as requests are: they share a
 * {@value #QUOTE_CACHE_SIZE}-entry LRU cache of quotes (a {@code LinkedHashMap} in access order), full from the first
 * phase on, whose misses replace entries with new {@code Quote}s, so the cache's order (and which entries sit near the
 * ends of its linked list) depends on thread scheduling; {@value #ACCOUNTS} accounts are made once and mutated in
 * place; a country table is loaded in the first phase and kept; every trade makes short-lived garbage. Phases run one
 * at a time, from one thread.
 */
final class SteadyWorkload {
    static final int QUOTE_CACHE_SIZE = 500;
    static final int ACCOUNTS = 300;
    static final int COUNTRIES = 250;
    static final int TRADES_PER_PHASE = 20_000;
    static final int WORKERS = 3;
    private static final int SYMBOLS = 3000;

    /** A trade as it is checked and booked: garbage once booked. */
    private record Trade(Account account, Quote quote, int quantity, String memo) {
    }

    private final LruCache<String, Quote> quotes = new LruCache<>(QUOTE_CACHE_SIZE);
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, Country> countries = new HashMap<>();
    private final AtomicLong booked = new AtomicLong();
    private final ExecutorService workers;

    SteadyWorkload() {
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(new Account(700_000 + i));
        }
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "trade-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void runPhase(int phase) throws Exception {
        if (phase == 1) {
            for (int i = 0; i < COUNTRIES; i++) {
                String code = "C" + i;
                countries.put(code, new Country(code, "Country " + i));
            }
        }
        List<Future<?>> done = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
            int first = worker;
            done.add(workers.submit(() -> {
                for (int i = first; i < TRADES_PER_PHASE; i += WORKERS) {
                    bookTrade(i);
                }
            }));
        }
        for (Future<?> worker : done) {
            worker.get();
        }
    }

    private void bookTrade(int i) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String symbol = "SYM" + random.nextInt(SYMBOLS);
        Quote quote;
        synchronized (quotes) {
            quote = quotes.computeIfAbsent(symbol, s -> new Quote(s, 100 + random.nextInt(100_000)));
            quote.hits++;
        }
        Account account = accounts.get(random.nextInt(ACCOUNTS));
        Trade trade = new Trade(account, quote, 1 + random.nextInt(100), "trade " + i + " in " + symbol);
        synchronized (account) {
            account.balanceCents -= trade.quantity() * trade.quote().cents;
            account.trades++;
        }
        booked.addAndGet(trade.memo().length() + countries.get("C" + (i % COUNTRIES)).name.length());
    }

    String sizes() {
        synchronized (quotes) {
            return "quotes=" + quotes.size() + " accounts=" + accounts.size() + " countries=" + countries.size()
                    + " booked=" + booked.get();
        }
    }
}
