package heapscope.parser.read.hprof.input;

import heapscope.parser.read.hprof.format.HprofFormatException;

/**
 * The fixed start of an HPROF file: the version string ({@code JAVA PROFILE 1.0.1}, {@code 1.0.2} or Android's
 * {@code 1.0.3}), the identifier size (4 or 8) and the dump's timestamp. Immutable. {@link #read} does IO through
 * its input.
 *
 * @param version the version string as written, e.g. {@code "JAVA PROFILE 1.0.2"}
 * @param idSize size of object and string identifiers in bytes
 * @param timestampMillis when the dump was written, in milliseconds since the epoch
 * @param length bytes taken by the header; the first record starts there
 */
public record HprofHeader(String version, int idSize, long timestampMillis, int length) {
    private static final String MAGIC = "JAVA PROFILE ";
    private static final int MAX_VERSION_LENGTH = 32;

    /** Whether this is an Android (ART) dump, whose object sizes come from the file rather than a layout. */
    public boolean isAndroid() {
        return version.endsWith("1.0.3");
    }

    public static HprofHeader read(DumpInput in) {
        StringBuilder version = new StringBuilder();
        while (true) {
            if (!in.hasMore()) {
                if (in.endedByDamage()) {
                    throw new HprofFormatException("the file is damaged before the end of its header: "
                            + in.endProblem());
                }
                throw new HprofFormatException(version.length() == 0 ? "the file is empty"
                        : "not an HPROF heap dump: the file ends inside the header at byte " + in.position());
            }
            int b = in.u1();
            if (b == 0) {
                break;
            }
            version.append((char) b);
            boolean magicSoFar = MAGIC.startsWith(version.toString()) || version.toString().startsWith(MAGIC);
            if (!magicSoFar || b < 0x20 || b > 0x7e || version.length() > MAX_VERSION_LENGTH) {
                throw new HprofFormatException(
                        "not an HPROF heap dump: it does not start with \"JAVA PROFILE 1.0.x\" (byte 0)");
            }
        }
        String text = version.toString();
        if (!text.startsWith(MAGIC)) {
            throw new HprofFormatException(
                    "not an HPROF heap dump: it does not start with \"JAVA PROFILE 1.0.x\" (byte 0)");
        }
        String number = text.substring(MAGIC.length());
        if (!number.equals("1.0.1") && !number.equals("1.0.2") && !number.equals("1.0.3")) {
            throw new HprofFormatException("unsupported HPROF version \"" + text
                    + "\" at byte 0 (supported: 1.0.1, 1.0.2 and Android's 1.0.3)");
        }
        long idSizeAt = in.position();
        if (!hasBytes(in, 12)) {
            throw new HprofFormatException("the file ends inside the header at byte " + in.position());
        }
        int idSize = in.u4();
        if (idSize != 4 && idSize != 8) {
            throw new HprofFormatException("identifier size " + Integer.toUnsignedString(idSize) + " at byte "
                    + idSizeAt + " is not 4 or 8");
        }
        long timestamp = in.u8();
        return new HprofHeader(text, idSize, timestamp, (int) in.position());
    }

    private static boolean hasBytes(DumpInput in, int n) {
        try {
            in.require(n);
            return true;
        } catch (EndOfDataException e) {
            return false;
        }
    }
}
