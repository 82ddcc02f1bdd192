package heapscope.leaks.programs.uniquekey;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders reports and caches them, keyed by report name, request id and time: a key that never repeats, so the
 * cache never hits and never stops growing (the leak). The templates are cached by report name, which repeats: that
 * map is full after the first phase and stays so.
 */
final class ReportService {
    static final String[] REPORT_NAMES = new String[40];

    static {
        for (int i = 0; i < REPORT_NAMES.length; i++) {
            REPORT_NAMES[i] = "report-" + i;
        }
    }

    private final Map<String, RenderedReport> rendered = new ConcurrentHashMap<>();
    private final Map<String, ReportTemplate> templates = new HashMap<>();
    private long hits;

    RenderedReport render(String reportName, long requestId) {
        String cacheKey = reportName + "#" + requestId + "@" + System.currentTimeMillis();
        RenderedReport cached = rendered.get(cacheKey);
        if (cached != null) {
            hits++;
            return cached;
        }
        ReportTemplate template = templates.computeIfAbsent(reportName, ReportTemplate::new);
        RenderedReport report = new RenderedReport(cacheKey, template);
        byte[] text = template.layout.replace("{rows}", "<tr><td>" + requestId + "</td></tr>").getBytes();
        System.arraycopy(text, 0, report.body, 0, Math.min(text.length, report.body.length));
        rendered.put(cacheKey, report);
        return report;
    }

    String sizes() {
        return "rendered=" + rendered.size() + " templates=" + templates.size() + " hits=" + hits;
    }
}
