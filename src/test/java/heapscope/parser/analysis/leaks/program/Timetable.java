package heapscope.parser.analysis.leaks.program;

import java.util.ArrayList;
import java.util.List;

/**
 * A school's timetable whose list of classes (school classes, not Java classes) only grows: a program object with a
 * field named {@code classes}, which is not a class loader's list of classes.
 */
final class Timetable {
    static final Timetable THIS_TERM = new Timetable();

    final List<SchoolClass> classes = new ArrayList<>();

    /** A class of pupils. */
    static final class SchoolClass {
        final int number;
        final int[] pupils = new int[24];

        SchoolClass(int number) {
            this.number = number;
        }
    }
}
