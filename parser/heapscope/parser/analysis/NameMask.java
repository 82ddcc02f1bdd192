package heapscope.parser.analysis;

import heapscope.parser.graph.StringTable;

/**
 * Which string-table indexes hold one exact text, so that a per-node or per-edge name test in a hot loop is an array
 * lookup instead of a string comparison. (Snapshots normally store each text once, but nothing forbids duplicates.)
 * Immutable; thread-safe. No IO.
 */
final class NameMask {
    private final boolean[] matches;

    private NameMask(boolean[] matches) {
        this.matches = matches;
    }

    static NameMask of(StringTable strings, String text) {
        return new NameMask(strings.matching(text));
    }

    /** Whether string {@code index} is the text; indexes added to the table after this mask was made never are. */
    boolean test(int index) {
        return index < matches.length && matches[index];
    }
}
