package heapscope.parser.analysis.leaks.program;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * A report file that registers a shutdown hook to flush its buffer on exit, and never removes the hook when it is
 * closed: the hooks, each a thread holding its file, pile up in the JDK's {@code ApplicationShutdownHooks.hooks}, a
 * JDK static. The program's own objects under it: a leak of the program's, not the JDK's growth.
 */
final class ReportFile implements Runnable {
    final long id;
    final byte[] buffer = new byte[96];

    private ReportFile(long id) {
        this.id = id;
    }

    static void open(long id) {
        ReportFile file = new ReportFile(id);
        Runtime.getRuntime().addShutdownHook(new Thread(file, "flush-report-" + id));
    }

    @Override
    public void run() {
        buffer[0] = 1; // the flush; nothing is written at exit
    }

    /** The hooks registered in the JDK's own map (read with --add-opens java.base/java.lang=ALL-UNNAMED). */
    static int hooks() throws ReflectiveOperationException {
        Field hooks = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
        hooks.setAccessible(true);
        return ((Map<?, ?>) hooks.get(null)).size();
    }
}
