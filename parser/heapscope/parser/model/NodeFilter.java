package heapscope.parser.model;

/** Which nodes a view lists: the Summary's object filter drop-down. */
public sealed interface NodeFilter {
    NodeFilter ALL = new All();

    /** All objects. */
    record All() implements NodeFilter {
    }

    /**
     * Objects no GC root reaches (HPROF dumps hold such garbage; MAT drops it without a word). The other filters
     * leave them out.
     */
    record Unreachable() implements NodeFilter {
    }

    /** All objects, the unreachable ones included (HPROF). */
    record AllIncludingUnreachable() implements NodeFilter {
    }

    /**
     * Strings whose text another string also has (DevTools' "Duplicated strings"): every member of such a group,
     * the first one included.
     */
    record DuplicatedStrings() implements NodeFilter {
    }

    /**
     * Objects retained by detached DOM nodes (DevTools' "Objects retained by detached DOM nodes"): the detached nodes
     * and whatever can only be reached through them.
     */
    record DetachedDom() implements NodeFilter {
    }

    /**
     * Objects allocated between two snapshots of the same process: V8 ids in {@code (minIdExclusive,
     * maxIdInclusive]}, where the bounds are the largest JS object ids of those snapshots (DevTools' rule).
     */
    record AllocatedBetween(long minIdExclusive, long maxIdInclusive) implements NodeFilter {
        public boolean accepts(long id) {
            return id > minIdExclusive && id <= maxIdInclusive;
        }
    }

    /**
     * The same for snapshots whose ids do not tell (Java heap dumps, where ids are addresses): objects that first
     * appear in a snapshot after {@code afterSnapshot} and up to {@code upToSnapshot} (1-based), by the {@code births}
     * of the snapshot viewed, which the object matching made. {@code afterSnapshot} 0 and {@code upToSnapshot} 1 is
     * "allocated before Snapshot 1".
     */
    record FirstSeenBetween(ObjectBirths births, int afterSnapshot, int upToSnapshot) implements NodeFilter {
        public boolean accepts(int ordinal) {
            int first = births.firstSnapshot(ordinal);
            return first > afterSnapshot && first <= upToSnapshot;
        }
    }
}
