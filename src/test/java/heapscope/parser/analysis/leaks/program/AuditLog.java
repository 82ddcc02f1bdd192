package heapscope.parser.analysis.leaks.program;

import java.util.HashMap;
import java.util.Map;

/** A static map that only grows: the first of {@link EightLeaks}' leaks. */
final class AuditLog {
    static final Map<Long, AuditEntry> ENTRIES = new HashMap<>();

    private AuditLog() {
    }

    static void record(long id, String action) {
        ENTRIES.put(id, new AuditEntry(id, action));
    }
}
