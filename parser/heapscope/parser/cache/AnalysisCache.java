package heapscope.parser.cache;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.PipeSpool;
import heapscope.parser.store.CacheFolder;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Analysed heaps kept between opens in the user's cache folder ({@link CacheFolder}), one index file per heap file,
 * so that opening an unchanged file again reads its analysis instead of parsing and analysing it. An entry is used
 * only when the file's path, size, modification time and fingerprint ({@link DumpIdentity}) are those it was made
 * from, and when this build of Heapscope made it; it is checked against its checksums as it is read. A stale, cut or
 * damaged entry is removed with a one-line note and the file analysed again. Entries are written in the background
 * (see {@link Lookup} and {@link #finishWrites}): what the analysis does not change while it runs, the rest after
 * it; the least recently used go when the cache passes its size budget
 * (default: a third of the space the cache folder's disk has free, counting the cache itself). The system property
 * {@code heapscope.cache=off} turns the cache off for the process.
 *
 * <p>Thread-safe; several processes may share a folder (entries are written under a temporary name and renamed).
 * Does IO.
 */
public final class AnalysisCache {
    /** The entries' file name extension. */
    static final String ENTRY_SUFFIX = ".hsindex";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final String SETTINGS = "settings.properties";
    private static final String BUDGET_KEY = "budgetBytes";
    /**
     * The default budget's share of the free disk. A fifth turned away the 11.6 GB entry of a 7.9 GB dump with 60 GB
     * free (the analysis' own mapped files take disk while it runs), so a user with a big dump got no second open in
     * seconds; a third keeps that entry and still leaves most of the disk alone.
     */
    private static final double DEFAULT_BUDGET_SHARE = 1 / 3.0;
    /** The default budget in words, for the CLI and the app. */
    public static final String DEFAULT_BUDGET_RULE = "a third of the free disk space";
    /** Temporary files older than this were left by a process that ended while writing. */
    private static final long ABANDONED_MILLIS = 24 * 3600 * 1000L;

    /** One writer for the process: entries are written one at a time, so a series costs one pending heap. */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "heapscope-cache-writer");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private final Path folder;
    private final Consumer<String> notes;
    /** False for a cache that is only read from. */
    private final boolean writes;

    private AnalysisCache(Path folder, Consumer<String> notes, boolean writes) {
        this.folder = folder;
        this.notes = notes;
        this.writes = writes;
    }

    /** The user's cache, or a disabled one when the system property {@code heapscope.cache} is {@code off}. */
    public static AnalysisCache standard(Consumer<String> notes) {
        return "off".equals(System.getProperty("heapscope.cache")) ? disabled() : at(CacheFolder.resolve(), notes);
    }

    /** The user's cache folder (see {@link CacheFolder}), whether or not this process uses the cache. */
    public static Path standardFolder() {
        return CacheFolder.resolve();
    }

    /** A cache in {@code folder} (created when the first entry is written). */
    public static AnalysisCache at(Path folder, Consumer<String> notes) {
        return new AnalysisCache(folder.toAbsolutePath(), notes, true);
    }

    /** No cache: every lookup misses, nothing is written. */
    public static AnalysisCache disabled() {
        return new AnalysisCache(null, note -> { }, false);
    }

    /** This cache, but never written to: for work that would fill it with analyses the user will not open again. */
    public AnalysisCache readOnly() {
        return new AnalysisCache(folder, notes, false);
    }

    public boolean enabled() {
        return folder != null;
    }

    /** The folder, or null when disabled. */
    public Path folder() {
        return folder;
    }

    /**
     * Looks {@code file} up. A hit reads the stored analysis (phase {@link Phase#READING_STORED_ANALYSIS}); a miss
     * can {@link Lookup#keep} the analysis made instead.
     *
     * @throws IOException when {@code file} itself cannot be read (a damaged entry is a miss, with a note)
     */
    public Lookup lookup(Path file, ProgressListener listener) throws IOException {
        if (!enabled() || !Files.isRegularFile(file)) {
            return new Lookup(this, null, null); // a pipe or a device has no identity to key an entry by
        }
        DumpIdentity identity = DumpIdentity.of(file);
        Path entry = entryFor(identity);
        if (!Files.exists(entry)) {
            return new Lookup(this, identity, null);
        }
        try (IndexReader in = IndexReader.open(entry, true)) {
            IndexMeta meta = StoredHeap.meta(in);
            if (!meta.producer().equals(EngineBuild.current())) {
                delete(entry);
                return new Lookup(this, identity, null);
            }
            if (!meta.dump().equals(identity)) {
                notes.accept(identity.name() + " changed since its analysis was cached; analysing it again");
                delete(entry);
                return new Lookup(this, identity, null);
            }
            listener.phaseStarted(Phase.READING_STORED_ANALYSIS);
            AnalyzedHeap heap = StoredHeap.read(in, meta, file, null);
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
            return new Lookup(this, identity, heap);
        } catch (StoreFormatException e) {
            if (!e.getMessage().startsWith("made by another version")) {
                notes.accept("the cached analysis of " + identity.name() + " is " + e.getMessage()
                        + "; analysing the file again");
            }
            delete(entry);
            return new Lookup(this, identity, null);
        } catch (NoSuchFileException e) {
            return new Lookup(this, identity, null); // another process removed the entry meanwhile
        } catch (IOException e) {
            notes.accept("the cached analysis of " + identity.name() + " cannot be read (" + e.getMessage()
                    + "); analysing the file again");
            return new Lookup(this, identity, null);
        }
    }

    /**
     * What {@link #lookup} found: the stored heap, or a way to keep the analysis made instead, written while it is
     * made: {@link #keepGraph} before the analysis, {@link #keep} after it, {@link #close} in any case (it drops an
     * entry begun for an analysis that failed).
     */
    public static final class Lookup implements AutoCloseable {
        private final AnalysisCache cache;
        private final DumpIdentity identity;
        private final AnalyzedHeap heap;
        private PendingEntry pending;

        private Lookup(AnalysisCache cache, DumpIdentity identity, AnalyzedHeap heap) {
            this.cache = cache;
            this.identity = identity;
            this.heap = heap;
        }

        /** The stored heap, or null on a miss. */
        public AnalyzedHeap heap() {
            return heap;
        }

        private boolean writes() {
            return identity != null && cache.writes && heap == null;
        }

        /**
         * Begins the file's entry with what the analysis will not change in the graph just read, written in the
         * background while the analysis runs (one write at a time for the process, queued).
         */
        public void keepGraph(HeapGraph graph) {
            if (writes() && pending == null) {
                pending = cache.begin(identity, graph);
            }
        }

        /**
         * Completes the entry with the analysis, in the background. Nothing happens when the cache is disabled or
         * read-only, or the heap came from it.
         */
        public void keep(AnalyzedHeap analyzed) {
            if (!writes()) {
                return;
            }
            if (pending == null) {
                pending = cache.begin(identity, analyzed.graph());
            }
            if (pending != null) {
                cache.complete(pending, analyzed);
                pending = null;
            }
        }

        /** Drops an entry begun but not completed. */
        @Override
        public void close() {
            if (pending != null) {
                cache.abandon(pending);
                pending = null;
            }
        }
    }

    /** An entry being written under its temporary name; the writer thread's alone once begun. */
    private static final class PendingEntry {
        final DumpIdentity identity;
        final Path entry;
        final Path temporary;
        IndexWriter out;
        Exception failure;

        PendingEntry(DumpIdentity identity, Path entry, Path temporary) {
            this.identity = identity;
            this.entry = entry;
            this.temporary = temporary;
        }

        void close() {
            try {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // an abandoned file goes with a later eviction
            }
        }
    }

    private static final String NO_MEMORY_TO_WRITE = "the Java heap has too little room left beside the open"
            + " snapshot to write it (a larger -Xmx would do)";

    /** Begins an entry, or returns null (with a note) when the analysis would not fit the budget. */
    private PendingEntry begin(DumpIdentity identity, HeapGraph graph) {
        // The analyses take about what the graph takes (README, Memory); the check is made again when complete.
        if (!fits(identity, 2 * graph.retainedBytes())) {
            return null;
        }
        Path entry = entryFor(identity);
        PendingEntry pending = new PendingEntry(identity, entry,
                folder.resolve(entry.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX));
        WRITER.execute(() -> {
            try {
                Files.createDirectories(folder);
                pending.out = new IndexWriter(pending.temporary, IndexFormat.Codec.RAW);
                StoredHeap.writeRead(graph, pending.out);
            } catch (IOException | RuntimeException e) {
                pending.failure = e;
            } catch (OutOfMemoryError e) {
                pending.failure = new IOException(NO_MEMORY_TO_WRITE);
            }
        });
        return pending;
    }

    private void complete(PendingEntry pending, AnalyzedHeap heap) {
        if (!fits(pending.identity, heap.retainedBytes())) {
            abandon(pending);
            return;
        }
        WRITER.execute(() -> {
            try {
                if (pending.failure != null) {
                    throw pending.failure;
                }
                StoredHeap.writeAnalysed(heap, IndexMeta.of(heap, pending.identity, false), pending.out,
                        CancelSignal.NEVER);
                pending.out.close();
                Files.move(pending.temporary, pending.entry, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                evict();
            } catch (Exception e) {
                notes.accept("could not cache the analysis of " + pending.identity.name() + ": " + e.getMessage());
            } catch (OutOfMemoryError e) {
                // The open heap is what fills memory: it stays usable, only the entry is not written.
                notes.accept("could not cache the analysis of " + pending.identity.name() + ": "
                        + NO_MEMORY_TO_WRITE);
            } finally {
                pending.close();
            }
        });
    }

    private void abandon(PendingEntry pending) {
        WRITER.execute(pending::close);
    }

    /** Whether an entry of about {@code bytes} fits the budget; says so when not. */
    private boolean fits(DumpIdentity identity, long bytes) {
        long budget = budgetBytes();
        if (bytes <= budget) {
            return true;
        }
        notes.accept("the analysis of " + identity.name() + " is not cached: it needs about " + megabytes(bytes)
                + ", more than the cache's budget of " + megabytes(budget)
                + " (heapscope cache budget SIZE raises it)");
        return false;
    }

    /**
     * Waits until the entries queued so far are written: the CLI calls it before it exits, a series before it opens
     * its next file (so that it holds one heap at a time). The app does not wait: a write cut short by quitting
     * leaves a temporary file, which a later eviction removes.
     */
    public static void finishWrites() {
        try {
            WRITER.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    // ---- size budget and eviction

    /** The budget in bytes: the one set with {@link #setBudget}, else the default share of the free disk. */
    public long budgetBytes() {
        Long set = configuredBudget();
        return set != null ? set : defaultBudget();
    }

    /** Whether the budget is the default (not set by the user). */
    public boolean budgetIsDefault() {
        return configuredBudget() == null;
    }

    /** Sets the budget (null: back to the default) and evicts entries beyond it. */
    public void setBudget(Long bytes) throws IOException {
        Files.createDirectories(folder);
        Properties settings = new Properties();
        if (bytes != null) {
            settings.setProperty(BUDGET_KEY, Long.toString(bytes));
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve(SETTINGS))) {
            settings.store(out, "Heapscope analysis cache");
        }
        evict();
    }

    private Long configuredBudget() {
        Path settings = folder.resolve(SETTINGS);
        if (!Files.isRegularFile(settings)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(settings)) {
            properties.load(in);
            String value = properties.getProperty(BUDGET_KEY);
            return value == null ? null : Long.valueOf(value.strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private long defaultBudget() {
        try {
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            long free = existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
            return (long) (DEFAULT_BUDGET_SHARE * (free + usedBytes()));
        } catch (IOException e) {
            return 0;
        }
    }

    /** Bytes the entries take on disk. */
    public long usedBytes() throws IOException {
        long used = 0;
        for (Path entry : entryFiles()) {
            used += sizeOf(entry);
        }
        return used;
    }

    /**
     * Removes the entries of files that are gone or changed (they can never be used again), then the least recently
     * used until the rest fit the budget, and temporary files and pipe copies ({@link PipeSpool}) that processes left
     * behind.
     */
    void evict() throws IOException {
        long budget = budgetBytes();
        List<Entry> entries = new ArrayList<>(entries());
        entries.sort(Comparator.comparing((Entry e) -> e.dumpState() == DumpState.UNCHANGED)
                .thenComparing(Entry::lastUsed));
        long used = entries.stream().mapToLong(Entry::entryBytes).sum();
        for (Entry e : entries) {
            if (used <= budget && e.dumpState() == DumpState.UNCHANGED) {
                break;
            }
            delete(e.file());
            used -= e.entryBytes();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + TEMPORARY_SUFFIX)) {
            for (Path temporary : files) {
                if (System.currentTimeMillis() - Files.getLastModifiedTime(temporary).toMillis() > ABANDONED_MILLIS) {
                    delete(temporary);
                }
            }
        }
        PipeSpool.removeLeftovers(folder);
    }

    // ---- listing and clearing

    /** Whether a cached file is still there as it was. */
    public enum DumpState { UNCHANGED, CHANGED, MISSING }

    /**
     * One cache entry.
     *
     * @param file the entry's file in the cache folder
     * @param dumpPath the heap file it is the analysis of
     * @param format the heap's format ({@code hprof}, {@code v8-heapsnapshot})
     */
    public record Entry(Path file, String dumpPath, long dumpBytes, long entryBytes, Instant lastUsed, String format,
            int nodeCount, DumpState dumpState) {
    }

    /** The entries, most recently used first; unreadable ones are listed as missing their file. */
    public List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path file : entryFiles()) {
            Instant lastUsed;
            long bytes;
            try {
                lastUsed = Files.getLastModifiedTime(file).toInstant();
                bytes = Files.size(file);
            } catch (NoSuchFileException gone) {
                continue;
            }
            try (IndexReader in = IndexReader.open(file, true)) {
                IndexMeta meta = StoredHeap.meta(in);
                entries.add(new Entry(file, meta.dump().path(), meta.dump().size(), bytes, lastUsed, meta.format(),
                        meta.nodeCount(), stateOf(meta.dump())));
            } catch (IOException damaged) {
                entries.add(new Entry(file, "?", 0, bytes, lastUsed, "?", 0, DumpState.MISSING));
            }
        }
        entries.sort(Comparator.comparing(Entry::lastUsed).reversed());
        return entries;
    }

    private static DumpState stateOf(DumpIdentity dump) {
        Path path = Path.of(dump.path());
        try {
            if (!Files.isRegularFile(path)) {
                return DumpState.MISSING;
            }
            return Files.size(path) == dump.size()
                    && Files.getLastModifiedTime(path).toMillis() == dump.modifiedMillis() ? DumpState.UNCHANGED
                    : DumpState.CHANGED;
        } catch (IOException e) {
            return DumpState.MISSING;
        }
    }

    /**
     * Removes every entry, and the pipe copies ({@link PipeSpool}) that processes which have ended left behind (a
     * live process's stay); returns how many entries.
     */
    public int clear() throws IOException {
        int removed = 0;
        for (Path entry : entryFiles()) {
            if (delete(entry)) {
                removed++;
            }
        }
        if (folder != null) {
            PipeSpool.removeLeftovers(folder);
        }
        return removed;
    }

    private List<Path> entryFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + ENTRY_SUFFIX)) {
            stream.forEach(files::add);
        }
        return files;
    }

    /** The entry of a file: named by a hash of its absolute path, so one path has one entry. */
    private Path entryFor(DumpIdentity identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.path().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash, 0, 16) + ENTRY_SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes a file another process may be deleting too (or, on Windows, reading). */
    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
