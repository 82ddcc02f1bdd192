package heapscope.parser.cache;

import java.nio.charset.StandardCharsets;

/**
 * The layout of an index file, the one format of both the analysis cache's entries and the portable index
 * ({@code heapscope index}); all numbers little-endian:
 * <pre>
 *   header   16-byte magic "HEAPSCOPE INDEX\n", u32 format version, 12 bytes reserved
 *   sections one per stored array, each at an offset that is a multiple of 8, {@link Codec#RAW} or {@link Codec#PACKED}
 *   contents u32 section count, then per section: u16 name length, name (UTF-8), u8 codec, u8 element size,
 *            u64 element count, u64 offset, u64 stored length, u32 CRC-32C of the stored bytes
 *   footer   u64 contents offset, u64 contents length, u32 CRC-32C of the contents, u32 format version,
 *            8-byte end magic "HSINDEX\n"
 * </pre>
 * The footer is written last, so a file cut short has none; every section is checked against its CRC when it is read.
 * Bump {@link #VERSION} whenever what is stored changes (a new array, a new meaning), so that older entries are
 * rebuilt rather than misread. Constants only.
 */
final class IndexFormat {
    /**
     * 1: the first format (issue 14); 2: HPROF content hashes and the dump's creation time; 3: an array's content hash
     * carries its length's low bits.
     */
    static final int VERSION = 3;
    static final byte[] MAGIC = "HEAPSCOPE INDEX\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] END_MAGIC = "HSINDEX\n".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 32;
    static final int FOOTER_SIZE = 32;

    /** How a section's elements are stored. */
    enum Codec {
        /** As in memory, little-endian: read at memory speed, or mapped. */
        RAW,
        /** Differences of neighbouring elements, zigzag varints, deflated: a fraction of RAW, decoded on reading. */
        PACKED;

        static Codec of(int ordinal) {
            return ordinal >= 0 && ordinal < values().length ? values()[ordinal] : null;
        }
    }

    /** One section as the contents list it. */
    record Section(String name, Codec codec, int elementSize, long count, long offset, long length, int crc) {
    }

    private IndexFormat() {
    }
}
