package heapscope.parser.cache;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.store.StoreFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The portable index ({@code heapscope index DUMP}): one file holding a dump's whole analysis, packed (a fraction
 * of the dump's size), made where the dump was taken and opened anywhere by the app and every command as if it were
 * the dump. The Strings' text is in it; field values of arbitrary objects are read from the dump itself, which is
 * looked for where it was indexed and beside the index (same size and fingerprint, see {@link DumpIdentity}); without
 * it the Fields pane says so. Stateless. Does IO.
 */
public final class PortableIndex {
    /** The file name extension of portable indexes. */
    public static final String EXTENSION = ".hsindex";

    private PortableIndex() {
    }

    /** Whether the file is a Heapscope index (by its first bytes, whatever its name). */
    public static boolean isIndex(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(IndexFormat.MAGIC.length), IndexFormat.MAGIC);
        }
    }

    /**
     * Writes the analysis of a dump to {@code index}: under a temporary name beside it, renamed when complete. Reads
     * the dump once more for HPROF Strings' text.
     *
     * @param dumpIdentity the dump's identity, taken before it was read (so that an index never describes a dump that
     *     changed while it was read)
     * @return the index's size in bytes
     */
    public static long write(AnalyzedHeap heap, DumpIdentity dumpIdentity, Path index, CancelSignal cancel)
            throws IOException {
        Path absolute = index.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (IndexWriter out = new IndexWriter(temporary, IndexFormat.Codec.PACKED)) {
                StoredHeap.write(heap, IndexMeta.of(heap, dumpIdentity, true), out, cancel);
                out.force();
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Opens an index as the analysed heap of its dump.
     *
     * @throws HeapFileException when the index is cut short, damaged, or made by another format version
     */
    public static AnalyzedHeap open(Path index, ProgressListener listener) throws HeapFileException, IOException {
        listener.phaseStarted(Phase.READING_STORED_ANALYSIS);
        try (IndexReader in = IndexReader.open(index, false)) {
            IndexMeta meta = StoredHeap.meta(in);
            Path dump = findDump(index, meta.dump());
            String whyNoDump = dump != null ? null : "Field values are read from the dump itself, and "
                    + meta.dump().name() + " (" + meta.dump().size() + " bytes) is neither at " + meta.dump().path()
                    + " nor beside this index. Put it next to " + index.getFileName() + " and open the index again"
                    + " to see them; everything else is in the index.";
            return StoredHeap.read(in, meta, dump, whyNoDump);
        } catch (StoreFormatException e) {
            throw new HeapFileException(index, "not a usable Heapscope index: " + e.getMessage());
        }
    }

    /** The format of the dump an index was made from (read from its first section). */
    public static HeapFormat format(Path index) throws HeapFileException, IOException {
        try (IndexReader in = IndexReader.open(index, false)) {
            String format = StoredHeap.meta(in).format();
            for (HeapFormat f : HeapFormat.values()) {
                if (f.jsonName().equals(format)) {
                    return f;
                }
            }
            throw new StoreFormatException("made from a dump of unknown format " + format);
        } catch (StoreFormatException e) {
            throw new HeapFileException(index, "not a usable Heapscope index: " + e.getMessage());
        }
    }

    /** The dump the index was made from, where it was or beside the index; null when neither is it. */
    static Path findDump(Path index, DumpIdentity dump) {
        Path folder = index.toAbsolutePath().getParent();
        String indexName = index.getFileName().toString();
        List<Path> candidates = new ArrayList<>();
        try {
            candidates.add(Path.of(dump.path()));
        } catch (java.nio.file.InvalidPathException madeOnAnotherSystem) {
            // a path of another operating system
        }
        candidates.add(folder.resolve(dump.name()));
        if (indexName.endsWith(EXTENSION)) {
            candidates.add(folder.resolve(indexName.substring(0, indexName.length() - EXTENSION.length())));
        }
        for (Path candidate : candidates) {
            try {
                if (Files.isRegularFile(candidate) && Files.size(candidate) == dump.size()
                        && DumpIdentity.of(candidate).sameContent(dump)) {
                    return candidate;
                }
            } catch (IOException unreadable) {
                // not this one
            }
        }
        return null;
    }
}
