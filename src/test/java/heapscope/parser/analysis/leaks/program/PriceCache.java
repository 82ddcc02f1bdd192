package heapscope.parser.analysis.leaks.program;

import java.util.LinkedHashMap;
import java.util.Map;

/** A full cache of the newest {@value EightLeaks#QUOTES} quotes: it changes, it does not grow. No leak. */
final class PriceCache {
    private static final Map<Integer, Quote> QUOTES = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Quote> eldest) {
            return size() > EightLeaks.QUOTES;
        }
    };

    private PriceCache() {
    }

    static void put(int sku) {
        QUOTES.put(sku, new Quote(sku, 100L * sku));
    }

    static int size() {
        return QUOTES.size();
    }
}
