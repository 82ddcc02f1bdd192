package heapscope.parser.view;

import heapscope.parser.model.ClassDiff;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Sorts and filters the Comparison's class rows (the engine's {@code ClassDiff}s) by a grid column, ties by name,
 * then key; the class filter matches names as in the Summary. Stateless. No IO.
 */
public final class DiffRows {
    private DiffRows() {
    }

    public static List<ClassDiff> sorted(List<ClassDiff> rows, Sort sort) {
        Comparator<ClassDiff> primary = switch (sort.column()) {
            case NAME -> Comparator.comparing(ClassDiff::name);
            case NEW_COUNT, COUNT -> Comparator.comparingLong(ClassDiff::newCount);
            case DELETED_COUNT -> Comparator.comparingLong(ClassDiff::deletedCount);
            case COUNT_DELTA -> Comparator.comparingLong(ClassDiff::countDelta);
            case FREED_SIZE -> Comparator.comparingLong(ClassDiff::freedSize);
            case SIZE_DELTA -> Comparator.comparingLong(ClassDiff::sizeDelta);
            default -> Comparator.comparingLong(ClassDiff::allocSize);
        };
        if (sort.descending()) {
            primary = primary.reversed();
        }
        return rows.stream().sorted(primary.thenComparing(ClassDiff::name).thenComparing(ClassDiff::key)).toList();
    }

    public static List<ClassDiff> filtered(List<ClassDiff> rows, String text) {
        if (text == null || text.isBlank()) {
            return rows;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return rows.stream().filter(row -> row.name().toLowerCase(Locale.ROOT).contains(needle)).toList();
    }
}
