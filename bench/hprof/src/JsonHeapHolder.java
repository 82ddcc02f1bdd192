import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Holds a given amount of Jackson-parsed JSON (LinkedHashMaps, ArrayLists, Strings, boxed numbers), then prints
 * "ready" and waits until its standard input closes, so a benchmark can dump it with jcmd. The JSON is generated
 * from a fixed seed: the same arguments give the same heap. Given several amounts, it fills to each in turn, printing
 * "ready" and waiting for a line on its standard input after each but the last: a series of dumps of one process.
 *
 * <p>Usage: {@code java -cp jackson-*.jar:. JsonHeapHolder <megabytes of heap to fill>...}
 */
public final class JsonHeapHolder {
    private static final String[] CITIES = {"Lisbon", "Oslo", "Kyoto", "Quito", "Lagos", "Perth", "Graz", "Tartu"};
    private static final String[] TAGS = {"new", "vip", "churn-risk", "beta", "mobile", "desktop", "eu", "apac"};

    private JsonHeapHolder() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Random random = new Random(42);
        List<Object> documents = new ArrayList<>();
        Runtime runtime = Runtime.getRuntime();
        long nextId = 0;
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        for (int step = 0; step < args.length; step++) {
            nextId = fill(Long.parseLong(args[step]) << 20, mapper, random, documents, nextId);
            System.out.println("ready " + documents.size() + " documents, " + nextId + " records, "
                    + ((runtime.totalMemory() - runtime.freeMemory()) >> 20) + " MB used");
            System.out.flush();
            if (step < args.length - 1 && input.readLine() == null) {
                return;
            }
        }
        while (input.read() >= 0) {
            // wait until our input closes
        }
        System.out.println(documents.size());
    }

    /** Parses documents until the heap holds {@code targetBytes}; returns the next record id. */
    private static long fill(long targetBytes, ObjectMapper mapper, Random random, List<Object> documents,
            long nextId) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        while (true) {
            StringBuilder json = new StringBuilder(1 << 20).append('[');
            for (int i = 0; i < 2000; i++) {
                if (i > 0) {
                    json.append(',');
                }
                appendRecord(json, nextId++, random);
            }
            json.append(']');
            documents.add(mapper.readValue(json.toString(), Object.class));
            if (runtime.totalMemory() - runtime.freeMemory() >= targetBytes) {
                System.gc();
                if (runtime.totalMemory() - runtime.freeMemory() >= targetBytes) {
                    break;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return nextId;
    }

    private static void appendRecord(StringBuilder json, long id, Random random) {
        json.append("{\"id\":").append(id)
                .append(",\"name\":\"user-").append(id).append('"')
                .append(",\"email\":\"user").append(id).append("@example.org\"")
                .append(",\"score\":").append(random.nextInt(100000) / 100.0)
                .append(",\"active\":").append(random.nextBoolean())
                .append(",\"tags\":[");
        int tags = random.nextInt(4);
        for (int t = 0; t < tags; t++) {
            json.append(t > 0 ? "," : "").append('"').append(TAGS[random.nextInt(TAGS.length)]).append('"');
        }
        json.append("],\"address\":{\"street\":\"").append(random.nextInt(999)).append(" Main St\",\"city\":\"")
                .append(CITIES[random.nextInt(CITIES.length)]).append("\",\"zip\":\"")
                .append(10000 + random.nextInt(89999)).append("\"},\"orders\":[");
        int orders = random.nextInt(4);
        for (int o = 0; o < orders; o++) {
            json.append(o > 0 ? "," : "").append("{\"sku\":\"SKU-").append(random.nextInt(5000))
                    .append("\",\"qty\":").append(1 + random.nextInt(9))
                    .append(",\"price\":").append(random.nextInt(100000) / 100.0).append('}');
        }
        json.append("]}");
    }
}
