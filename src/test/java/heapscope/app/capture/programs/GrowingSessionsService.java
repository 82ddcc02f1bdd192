package heapscope.app.capture.programs;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Java program that leaks the classic way, as a live target for Heapscope's capture tests (run in a child JVM):
 * every request registers a Session in a static map and nothing ever removes it. A cache warmed once at start-up and
 * short-lived garbage are there too, as in a real service.
 *
 * <p>Prints {@code ready} once running. Each line {@code grow N} on stdin handles N requests and answers
 * {@code grew TOTAL}. Arguments: {@code --every MS} also handles 200 requests every MS milliseconds (for a series
 * taken at an interval); {@code --ballast N} keeps N extra small objects (a heap whose dump takes a while). Closing
 * stdin ends it.
 */
public final class GrowingSessionsService {
    static final Map<String, Session> SESSIONS = new HashMap<>();
    static final List<String> COUNTRY_CODES = new ArrayList<>();
    static final List<Object> BALLAST = new ArrayList<>();
    private static int served;

    static final class Session {
        final String user;
        final byte[] token = new byte[48];
        final long createdAt;

        Session(String user, long createdAt) {
            this.user = user;
            this.createdAt = createdAt;
        }
    }

    private GrowingSessionsService() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 250; i++) {
            COUNTRY_CODES.add("code-" + i);
        }
        int ballast = option(args, "--ballast");
        for (int i = 0; i < ballast; i++) {
            BALLAST.add(new int[] {i});
        }
        int every = option(args, "--every");
        if (every > 0) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "requests");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(() -> serve(200), every, every, TimeUnit.MILLISECONDS);
        }
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("grow ")) {
                System.out.println("grew " + serve(Integer.parseInt(line.substring(5).trim())));
            }
        }
    }

    private static synchronized int serve(int requests) {
        long garbage = 0;
        for (int i = 0; i < requests; i++) {
            String user = "user-" + ++served;
            SESSIONS.put(user, new Session(user, System.nanoTime()));
            garbage += new StringBuilder(user).reverse().toString().length();
        }
        return garbage >= 0 ? SESSIONS.size() : -1;
    }

    private static int option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return 0;
    }
}
