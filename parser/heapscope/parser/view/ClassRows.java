package heapscope.parser.view;

import heapscope.parser.model.ClassAggregate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Sorts and filters the Summary's class rows: by a grid column (ties by name, then key), and by DevTools' class
 * filter (case-insensitive substring of the class name). Stateless. No IO.
 */
public final class ClassRows {
    private ClassRows() {
    }

    public static List<ClassAggregate> sorted(List<ClassAggregate> rows, Sort sort) {
        Comparator<ClassAggregate> primary = switch (sort.column()) {
            case NAME -> Comparator.comparing(ClassAggregate::name);
            case DISTANCE -> Comparator.comparingInt(ClassAggregate::distance);
            case COUNT -> Comparator.comparingLong(ClassAggregate::count);
            case SHALLOW_SIZE -> Comparator.comparingLong(ClassAggregate::shallowSize);
            case RETAINED_SIZE -> Comparator.comparingLong(ClassAggregate::retainedSize);
            default -> Comparator.comparingLong(ClassAggregate::retainedSize);
        };
        if (sort.descending()) {
            primary = primary.reversed();
        }
        return rows.stream()
                .sorted(primary.thenComparing(ClassAggregate::name).thenComparing(ClassAggregate::key))
                .toList();
    }

    /** The rows whose class name contains {@code text}, ignoring case; all rows for a blank text. */
    public static List<ClassAggregate> filtered(List<ClassAggregate> rows, String text) {
        if (text == null || text.isBlank()) {
            return rows;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return rows.stream().filter(row -> row.name().toLowerCase(Locale.ROOT).contains(needle)).toList();
    }
}
