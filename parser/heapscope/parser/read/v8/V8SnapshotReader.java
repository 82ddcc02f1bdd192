package heapscope.parser.read.v8;

import heapscope.parser.graph.GraphFormatException;
import heapscope.parser.graph.HeapFormat;
import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.HeapGraphBuilder;
import heapscope.parser.graph.StringTable;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.read.FileStamp;
import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.HeapInput;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.store.Columns;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipException;

/**
 * Reads a V8 {@code .heapsnapshot} (plain or gzip-compressed) into a {@link HeapGraph} in one streaming pass. The
 * big arrays are parsed byte by byte straight into the graph's arrays, and strings go one at a time into its
 * {@link StringTable}, so memory is the graph itself plus a few MiB of buffers, whatever the size of the file or of
 * its strings section. Layout comes from {@code snapshot.meta}; everything the file claims is checked, and damage is
 * reported as a {@link HeapFileException} with one sentence saying what is wrong.
 *
 * <p>Stateless and thread-safe: each call reads its own file. Does IO: reads the file once, writes nothing.
 */
public final class V8SnapshotReader {
    /** No deflate stream expands more than this: zlib documents 1032:1 as deflate's maximum compression ratio. */
    private static final long MAX_GZIP_EXPANSION = 1032;
    private static final String NOT_A_SNAPSHOT = "not a V8 heap snapshot: ";

    private final JsonTokenizer tokenizer;
    private final long maxUncompressedBytes;
    private final Utf8Builder keyBuffer = new Utf8Builder();
    private final Set<String> sectionsRead = new HashSet<>();
    private final StringTable strings = new StringTable();
    private SnapshotHeader header;
    private HeapGraphBuilder builder;

    private V8SnapshotReader(JsonTokenizer tokenizer, long maxUncompressedBytes) {
        this.tokenizer = tokenizer;
        this.maxUncompressedBytes = maxUncompressedBytes;
    }

    /**
     * Reads the snapshot. Reports {@link Phase#READING_FILE}, then progress in bytes of the file on disk.
     *
     * @throws HeapFileException when the file is not a heap snapshot or is damaged (truncated, counts that do not
     *     match, references out of range), changed while it was read, or announces a graph too large for the memory
     *     left ({@link heapscope.parser.read.NotEnoughMemoryException}); the message names the file and the problem
     * @throws IOException when reading fails for a reason outside the file's content
     * @throws heapscope.parser.progress.CanceledException when {@code cancel} is raised
     */
    public static HeapGraph read(Path file, ProgressListener listener, CancelSignal cancel)
            throws HeapFileException, IOException {
        listener.phaseStarted(Phase.READING_FILE);
        FileStamp stamp = FileStamp.of(file);
        long maxUncompressedBytes = maxUncompressedBytes(file);
        try (InputStream in = open(file, listener, cancel)) {
            HeapGraph graph = new V8SnapshotReader(new JsonTokenizer(in), maxUncompressedBytes).readSnapshot();
            stamp.check(file);
            return graph;
        } catch (SnapshotFormatException | GraphFormatException e) {
            stamp.check(file); // a snapshot still being written looks cut short: say what really happened
            throw new HeapFileException(file, e.getMessage());
        } catch (MemoryEstimate.TooLarge e) {
            throw e.toException(file);
        } catch (RuntimeException e) {
            stamp.check(file); // bytes that changed under the reader explain any failure
            throw e;
        }
    }

    /** Opens the file; a damaged gzip header (read while opening) is a format error, not an IO error. */
    private static InputStream open(Path file, ProgressListener listener, CancelSignal cancel)
            throws IOException, SnapshotFormatException {
        try {
            return HeapInput.open(file, listener, cancel);
        } catch (EOFException e) {
            throw new SnapshotFormatException("truncated: the file ends inside the gzip header");
        } catch (ZipException e) {
            throw new SnapshotFormatException("the gzip header is corrupt: " + e.getMessage());
        }
    }

    private HeapGraph readSnapshot() throws IOException, SnapshotFormatException {
        tokenizer.within("the top-level object");
        int first = tokenizer.peekOrEnd();
        if (first < 0) {
            throw new SnapshotFormatException(NOT_A_SNAPSHOT + "the file is empty");
        }
        if (first != '{') {
            throw new SnapshotFormatException(NOT_A_SNAPSHOT + "expected '{' at byte " + tokenizer.position());
        }
        if (tokenizer.enterObject()) {
            do {
                readSection(tokenizer.readKey(keyBuffer));
                tokenizer.within("the top-level object");
            } while (tokenizer.nextObjectMember());
        }
        // Whatever follows the top-level object is ignored: the snapshot is complete.
        if (header == null) {
            throw new SnapshotFormatException(NOT_A_SNAPSHOT + "the top-level object has no 'snapshot' header");
        }
        for (String required : new String[] {"nodes", "edges", "strings"}) {
            if (!sectionsRead.contains(required)) {
                throw new SnapshotFormatException("the file has no '" + required + "' array");
            }
        }
        return builder.build();
    }

    /** Reads one top-level member; unknown ones (trace_tree, samples, future sections) are skipped unread. */
    private void readSection(String key) throws IOException, SnapshotFormatException {
        switch (key) {
            case "snapshot":
                markRead(key);
                readHeader();
                break;
            case "nodes":
                markReadAfterHeader(key);
                NodeArrayReader.read(tokenizer, header, builder);
                break;
            case "edges":
                markReadAfterHeader(key);
                EdgeArrayReader.read(tokenizer, header, builder);
                break;
            case "locations":
                markReadAfterHeader(key);
                LocationArrayReader.read(tokenizer, header, builder);
                break;
            case "strings":
                markReadAfterHeader(key);
                StringArrayReader.read(tokenizer, strings);
                break;
            default:
                tokenizer.within("the '" + key + "' section");
                tokenizer.skipValue();
        }
    }

    private void readHeader() throws IOException, SnapshotFormatException {
        tokenizer.within("the snapshot header");
        header = SnapshotHeader.from(new JsonValueReader(tokenizer).read());
        checkCountsFitInFile();
        Columns columns = MemoryEstimate.forV8(header.nodeCount(), header.edgeCount()).columns(0);
        builder = new HeapGraphBuilder(HeapFormat.V8_HEAPSNAPSHOT, header.nodeCount(), header.edgeCount(),
                strings, columns);
        builder.setRootOrdinal(header.rootOrdinal());
        builder.setExtraNativeBytes(header.extraNativeBytes());
    }

    /**
     * The graph's arrays are allocated at the sizes the header announces, so a damaged header must not make a small
     * file ask for gigabytes: every number takes at least a digit and a separator.
     */
    private void checkCountsFitInFile() throws SnapshotFormatException {
        long minimumBytes = 2 * ((long) header.nodeCount() * header.nodes().fieldCount()
                + (long) header.edgeCount() * header.edges().fieldCount());
        if (minimumBytes > maxUncompressedBytes) {
            throw new SnapshotFormatException("the snapshot header announces " + header.nodeCount() + " nodes and "
                    + header.edgeCount() + " edges, more than the file can hold");
        }
    }

    private void markRead(String section) throws SnapshotFormatException {
        if (!sectionsRead.add(section)) {
            throw new SnapshotFormatException("the file has two '" + section + "' sections");
        }
    }

    private void markReadAfterHeader(String section) throws SnapshotFormatException {
        if (header == null) {
            throw new SnapshotFormatException("the '" + section + "' section comes before the 'snapshot' header");
        }
        markRead(section);
    }

    private static long maxUncompressedBytes(Path file) throws IOException {
        long size = Files.size(file);
        if (!HeapInput.isGzip(file)) {
            return size;
        }
        return size > Long.MAX_VALUE / MAX_GZIP_EXPANSION ? Long.MAX_VALUE : size * MAX_GZIP_EXPANSION;
    }
}
