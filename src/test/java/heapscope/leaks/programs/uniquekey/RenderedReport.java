package heapscope.leaks.programs.uniquekey;

/** A rendered report: its cache key (the same String the cache map holds) and its body. */
final class RenderedReport {
    static final int BODY_BYTES = 512;

    final String cacheKey;
    final ReportTemplate template;
    final byte[] body = new byte[BODY_BYTES];
    final long renderedAtNanos = System.nanoTime();

    RenderedReport(String cacheKey, ReportTemplate template) {
        this.cacheKey = cacheKey;
        this.template = template;
    }
}
