package heapscope.parser.analysis.leaks.program;

/** What {@link AuditLog} keeps per action. */
final class AuditEntry {
    final long id;
    final String action;
    final byte[] detail = new byte[64];

    AuditEntry(long id, String action) {
        this.id = id;
        this.action = action;
    }
}
