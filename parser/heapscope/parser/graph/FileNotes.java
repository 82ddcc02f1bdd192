package heapscope.parser.graph;

import java.util.List;

/**
 * What a reader learned about a file beyond the graph's arrays, as plain text in any format's terms: details for
 * {@code info} (the HPROF reader's inferred object layout and the evidence for it, record counts, GC roots by kind)
 * and warnings, one sentence each, about problems that did not stop reading (a dump cut short: where it stopped and
 * what is missing). Immutable; thread-safe. No IO.
 *
 * @param details labelled one-line facts, in the order to show them
 * @param warnings one sentence each, without the file name
 */
public record FileNotes(List<Detail> details, List<String> warnings) {
    /** No details, no warnings. */
    public static final FileNotes NONE = new FileNotes(List.of(), List.of());

    public FileNotes {
        details = List.copyOf(details);
        warnings = List.copyOf(warnings);
    }

    /** A labelled fact, e.g. {@code ("object layout", "12-byte object headers, ...")}. */
    public record Detail(String label, String text) {
    }
}
