package heapscope.parser.analysis.matching.workload;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Java program whose heap changes between its dumps in every way that makes telling objects apart across dumps
 * hard: maps that resize, append-only lists of identical objects, objects mutated in place, objects moved between
 * containers, removals, churn of same-class temporaries, fields reassigned to new objects, linked lists with inserts
 * in the middle, a tree map that rebalances, and objects held only by a thread's stack or by thread locals. It runs
 * {@code PHASES} phases and dumps its heap after each (live objects, after {@code System.gc()}, as
 * {@code jcmd GC.heap_dump} does): {@code OUT/phase-K.hprof}.
 *
 * <p>The truth: every object of the program's own classes extends {@link Tracked}, whose {@code truthSerial} field
 * numbers it in creation order. After each dump the program writes {@code OUT/phase-K.serials}, the first serial not
 * yet used, so a serial tells in which phase its object was made. The tests read the serials out of the dumps and
 * zero them before any Heapscope code sees the files (see {@code TruthSerials}), so the matcher gets no help from them.
 *
 * <p>Run: {@code java -cp test-classes heapscope.parser.analysis.matching.workload.IdentityWorkload OUT [SCALE]};
 * SCALE (default 1) multiplies every count.
 */
public final class IdentityWorkload {
    static final int PHASES = 4;
    private static long nextSerial = 1;

    /** Base of every object the truth follows. */
    abstract static class Tracked {
        final long truthSerial = nextSerial++;
    }

    static final class Order extends Tracked {
        final long id;
        final String customer;
        long amountCents;
        final long createdAt;

        Order(long id, String customer, long amountCents, long createdAt) {
            this.id = id;
            this.customer = customer;
            this.amountCents = amountCents;
            this.createdAt = createdAt;
        }
    }

    /** Identical to every other Tick: only its place in the list tells it apart. */
    static final class Tick extends Tracked {
        final int value = 7;
    }

    static final class Session extends Tracked {
        final long id;
        final String user;
        long hits;
        long lastAccess;

        Session(long id, String user) {
            this.id = id;
            this.user = user;
        }
    }

    static final class Task extends Tracked {
        final long id;
        final String name;
        int state;

        Task(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** Made by the tens of thousands and dropped; the last few are kept. */
    static final class Request extends Tracked {
        final long id;
        final String path;
        final long timestamp;

        Request(long id, String path, long timestamp) {
            this.id = id;
            this.path = path;
            this.timestamp = timestamp;
        }
    }

    static final class Event extends Tracked {
        final long sequence;
        final String kind;

        Event(long sequence, String kind) {
            this.sequence = sequence;
            this.kind = kind;
        }
    }

    /** A hand-made singly linked list whose links share their few weights. */
    static final class Link extends Tracked {
        final int weight;
        Link next;

        Link(int weight, Link next) {
            this.weight = weight;
            this.next = next;
        }
    }

    static final class Account extends Tracked {
        final long number;
        long balance;

        Account(long number, long balance) {
            this.number = number;
            this.balance = balance;
        }
    }

    /** Held only by a local variable of a waiting thread. */
    static final class Job extends Tracked {
        final int priority;
        final long submittedAt;

        Job(int priority, long submittedAt) {
            this.priority = priority;
            this.submittedAt = submittedAt;
        }
    }

    /** Held only by a thread local of a pool thread. */
    static final class Buffer extends Tracked {
        final byte[] bytes;
        int used;

        Buffer(int size) {
            this.bytes = new byte[size];
        }
    }

    /** Mutated in place; nothing else about it changes. */
    static final class Counter extends Tracked {
        long count;
    }

    /** Replaced by a new one in every phase. */
    static final class Config extends Tracked {
        final int version;
        final String name;

        Config(int version, String name) {
            this.version = version;
            this.name = name;
        }
    }

    /** No fields at all: identical objects, moved between two lists. */
    static final class Marker extends Tracked {
    }

    static final Map<String, Order> ORDERS = new HashMap<>();
    static final List<Tick> TICKS = new ArrayList<>();
    static final Map<Long, Session> SESSIONS = new ConcurrentHashMap<>();
    static final ArrayDeque<Task> PENDING = new ArrayDeque<>();
    static final List<Task> DONE = new ArrayList<>();
    static final Request[] RECENT = new Request[64];
    static Request lastRequest;
    static final LinkedList<Event> TIMELINE = new LinkedList<>();
    static Link chain;
    static final TreeMap<Long, Account> ACCOUNTS = new TreeMap<>();
    static final Counter[] COUNTERS = new Counter[50];
    static Config currentConfig;
    static final Config FALLBACK_CONFIG = new Config(0, "fallback");
    static final List<Marker> MARKERS_A = new ArrayList<>();
    static final List<Marker> MARKERS_B = new ArrayList<>();
    static final ThreadLocal<Buffer> BUFFERS = new ThreadLocal<>();

    private static final String[] KINDS = {"open", "close", "read", "write", "flush"};
    private static final String[] PATHS = {"/orders", "/orders/new", "/sessions", "/health", "/accounts"};

    private final Random random = new Random(42);
    private final int scale;
    private final SynchronousQueue<Integer> toWorker = new SynchronousQueue<>();
    private final SynchronousQueue<Integer> fromWorker = new SynchronousQueue<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "pool-worker");
        t.setDaemon(true);
        return t;
    });
    private long ids = 1;
    private long requestSink;

    private IdentityWorkload(int scale) {
        this.scale = scale;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        new IdentityWorkload(scale).run(out);
    }

    private void run(Path out) throws Exception {
        Thread worker = new Thread(this::workerLoop, "job-holder");
        worker.setDaemon(true);
        worker.start();
        for (int i = 0; i < COUNTERS.length; i++) {
            COUNTERS[i] = new Counter();
        }
        HotSpotDiagnosticMXBean diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (int phase = 1; phase <= PHASES; phase++) {
            orders(phase);
            ticks();
            sessions(phase);
            tasks(phase);
            requests();
            timeline();
            links();
            accounts();
            jobs();
            buffers(phase);
            counters(phase);
            currentConfig = new Config(phase, "config");
            markers(phase);
            System.gc();
            Path dump = out.resolve("phase-" + phase + ".hprof");
            Files.deleteIfExists(dump);
            diagnostics.dumpHeap(dump.toString(), true);
            Files.writeString(out.resolve("phase-" + phase + ".serials"), nextSerial + "\n", StandardCharsets.UTF_8);
        }
        pool.shutdownNow();
        System.out.println("dumped " + PHASES + " phases; " + requestSink);
    }

    private long id() {
        return ids++;
    }

    /** A map that resizes, with removals: 1500 new orders a phase, 250 random old ones removed. */
    private void orders(int phase) {
        if (phase > 1) {
            List<String> keys = new ArrayList<>(ORDERS.keySet());
            keys.sort(null);
            for (int i = 0; i < 250 * scale; i++) {
                ORDERS.remove(keys.remove(random.nextInt(keys.size())));
            }
        }
        for (int i = 0; i < 1500 * scale; i++) {
            long id = id();
            ORDERS.put("order-" + id, new Order(id, "customer-" + random.nextInt(300), random.nextInt(100_000),
                    System.nanoTime()));
        }
    }

    /** Identical objects appended to a list. */
    private void ticks() {
        for (int i = 0; i < 500 * scale; i++) {
            TICKS.add(new Tick());
        }
    }

    /** Every session's counters change in place; a few new sessions a phase. */
    private void sessions(int phase) {
        int count = phase == 1 ? 1000 * scale : 100 * scale;
        for (int i = 0; i < count; i++) {
            long id = id();
            SESSIONS.put(id, new Session(id, "user-" + id));
        }
        for (Session session : SESSIONS.values()) {
            session.hits += 1 + random.nextInt(5);
            session.lastAccess = System.nanoTime();
        }
    }

    /** Tasks are queued, then moved to the done list with a changed state. */
    private void tasks(int phase) {
        for (int i = 0; i < 400 * scale; i++) {
            long id = id();
            PENDING.add(new Task(id, "task-" + id));
        }
        for (int i = 0; i < 300 * scale && !PENDING.isEmpty(); i++) {
            Task task = PENDING.poll();
            task.state = 2;
            DONE.add(task);
        }
    }

    /** Churn: thousands of requests, of which the last 64 and the very last stay. */
    private void requests() {
        for (int i = 0; i < 20_000 * scale; i++) {
            Request request = new Request(id(), PATHS[random.nextInt(PATHS.length)], System.nanoTime());
            RECENT[i % RECENT.length] = request;
            lastRequest = request;
            requestSink += request.path.length();
        }
    }

    /** A linked list grown by inserts in the middle. */
    private void timeline() {
        for (int i = 0; i < 150 * scale; i++) {
            Event event = new Event(id(), KINDS[random.nextInt(KINDS.length)]);
            TIMELINE.add(TIMELINE.isEmpty() ? 0 : random.nextInt(TIMELINE.size()), event);
        }
    }

    /** A hand-made linked list grown by inserts in the middle; links share ten weights. */
    private void links() {
        for (int i = 0; i < 100 * scale; i++) {
            int weight = random.nextInt(10);
            if (chain == null || random.nextInt(4) == 0) {
                chain = new Link(weight, chain);
                continue;
            }
            Link at = chain;
            for (int steps = random.nextInt(40); steps > 0 && at.next != null; steps--) {
                at = at.next;
            }
            at.next = new Link(weight, at.next);
        }
    }

    /** A tree map that rebalances as random keys come and go; balances change in place. */
    private void accounts() {
        for (int i = 0; i < 300 * scale; i++) {
            long number = random.nextInt(1_000_000_000);
            ACCOUNTS.put(number, new Account(number, random.nextInt(10_000)));
        }
        for (int i = 0; i < 50 * scale && !ACCOUNTS.isEmpty(); i++) {
            Long above = ACCOUNTS.ceilingKey((long) random.nextInt(1_000_000_000));
            ACCOUNTS.remove(above != null ? above : ACCOUNTS.firstKey());
        }
        for (Account account : ACCOUNTS.values()) {
            account.balance += random.nextInt(100);
        }
    }

    /** Asks the job-holder thread to add jobs to the list only its stack holds. */
    private void jobs() throws InterruptedException {
        toWorker.put(80 * scale);
        fromWorker.take();
    }

    private void workerLoop() {
        List<Job> jobs = new ArrayList<>();
        try {
            while (true) {
                int count = toWorker.take();
                for (int i = 0; i < count; i++) {
                    jobs.add(new Job(i % 3, System.nanoTime()));
                }
                fromWorker.put(jobs.size());
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each pool thread keeps a buffer in a thread local; in phase 3 every buffer is replaced. */
    private void buffers(int phase) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(4);
        CountDownLatch allStarted = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            pool.execute(() -> {
                allStarted.countDown();
                try {
                    allStarted.await(); // one task per thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Buffer buffer = BUFFERS.get();
                if (buffer == null || phase == 3) {
                    buffer = new Buffer(512);
                    BUFFERS.set(buffer);
                }
                buffer.used = (buffer.used + 17) % 512;
                buffer.bytes[buffer.used] = (byte) phase;
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
    }

    /** Counters change in place; in phase 3, ten of them are replaced by new ones. */
    private void counters(int phase) {
        for (int i = 0; i < COUNTERS.length; i++) {
            if (phase == 3 && i % 5 == 0) {
                COUNTERS[i] = new Counter();
            }
            COUNTERS[i].count += 1 + i;
        }
    }

    /** Identical markers: phase 1 fills list A; later phases move half of A to B and add new ones to B. */
    private void markers(int phase) {
        if (phase == 1) {
            for (int i = 0; i < 100 * scale; i++) {
                MARKERS_A.add(new Marker());
            }
            return;
        }
        for (int i = 0; i < 20 * scale && !MARKERS_A.isEmpty(); i++) {
            MARKERS_B.add(MARKERS_A.remove(MARKERS_A.size() - 1));
        }
        for (int i = 0; i < 20 * scale; i++) {
            MARKERS_B.add(new Marker());
        }
    }
}
