import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java program that leaks the classic way: every "request" registers a Session in a static map and nothing ever
 * removes it. A cache warmed once at start-up and short-lived garbage are there too, as in a real service. It dumps
 * its own heap (live objects only, as jcmd GC.heap_dump does) after each of three rounds of requests.
 *
 * <p>Run with the single-file launcher: {@code java GrowingStaticMap.java OUT_DIR}; writes OUT_DIR/round-{1,2,3}.hprof.
 */
public class GrowingStaticMap {
    static final Map<String, Session> SESSIONS = new HashMap<>();
    static final List<String> COUNTRY_CODES = new ArrayList<>();

    static final class Session {
        final String user;
        final byte[] token = new byte[64];
        final long createdAt;

        Session(String user, long createdAt) {
            this.user = user;
            this.createdAt = createdAt;
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        for (int i = 0; i < 250; i++) {
            COUNTRY_CODES.add("code-" + i);
        }
        HotSpotDiagnosticMXBean diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        long garbage = 0;
        for (int round = 1; round <= 3; round++) {
            for (int request = 0; request < 3000; request++) {
                String user = "user-" + round + "-" + request;
                SESSIONS.put(user, new Session(user, System.nanoTime()));
                garbage += new StringBuilder(user).reverse().toString().length();
            }
            diagnostics.dumpHeap(out.resolve("round-" + round + ".hprof").toString(), true);
        }
        System.out.println("dumped 3 rounds; " + SESSIONS.size() + " sessions, " + garbage + " garbage chars");
    }
}
