package heapscope.leaks.programs.steady;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Code paths a service runs for the first time now and then (a daily report, a weekly one, an audit): each phase runs
 * one it never ran before. The application keeps nothing of what they make; the JVM does: the constant-pool Strings
 * its classes resolve, the classes and lambda classes it loads, the {@code MethodType}s, {@code LambdaForm}s and
 * method handles that linking lambdas, string concatenation and record methods creates, reflection data, enum
 * constant directories. That is the growth a leak report must show as runtime growth, not as a leak. Not
 * thread-safe.
 */
final class RuntimeWarmup {
    enum Severity { LOW, MEDIUM, HIGH }

    enum Channel { EMAIL, SMS, PUSH, WEBHOOK }

    record DailyTotal(String day, long cents) {
    }

    record WeeklyTotal(String week, long cents, int trades) {
    }

    record MonthlyTotal(String month, double average, char grade, boolean closed) {
    }

    record AuditLine(long sequence, float score, short region, Severity severity) {
    }

    private RuntimeWarmup() {
    }

    /** Runs the code path that phase {@code phase} (1-based) uses for the first time; returns a checksum. */
    static long runFirstTimeCode(int phase) {
        return switch (phase) {
            case 1 -> dailyReport();
            case 2 -> weeklyReport();
            case 3 -> monthlyReport();
            default -> auditReport();
        };
    }

    private static long dailyReport() {
        List<String> days = List.of("mon", "tue", "wed", "thu", "fri");
        String top = days.stream().map(d -> d.toUpperCase()).filter(d -> d.length() > 2)
                .sorted(Comparator.reverseOrder()).collect(Collectors.joining(","));
        DailyTotal total = new DailyTotal("day " + days.size() + ": " + top.length(), top.hashCode());
        return total.toString().length() + total.hashCode();
    }

    private static long weeklyReport() throws IllegalArgumentException {
        Severity severity = Severity.valueOf("HIGH");
        String line = String.format("%-10s|%8.2f|%05d|%s", "week-7", 1234.5, 42, severity);
        Matcher matcher = Pattern.compile("(\\w+)-(\\d+)").matcher(line);
        int week = matcher.find() ? Integer.parseInt(matcher.group(2)) : 0;
        Map<Boolean, Long> split = IntStream.rangeClosed(1, 50).boxed()
                .collect(Collectors.partitioningBy(n -> n % 7 == 0, Collectors.counting()));
        WeeklyTotal total = new WeeklyTotal("week " + week + '/' + 2.5d, split.get(true), split.size());
        return total.toString().length() + total.hashCode() + (total.equals(new WeeklyTotal("w", 0, 0)) ? 1 : 0);
    }

    private static long monthlyReport() {
        try {
            long sum = Channel.valueOf("WEBHOOK").ordinal();
            for (RecordComponent component : MonthlyTotal.class.getRecordComponents()) {
                sum += component.getName().length();
            }
            for (Field field : Account.class.getDeclaredFields()) {
                sum += field.getName().length();
            }
            Method length = String.class.getMethod("length");
            for (int i = 0; i < 40; i++) { // past the JDK's reflection inflation threshold
                sum += (Integer) length.invoke("month-" + i);
            }
            MonthlyTotal total = new MonthlyTotal("month " + 3.5f + true, sum / 3.0, 'B', sum > 10);
            return total.toString().length() + total.hashCode();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long auditReport() {
        try {
            MethodHandle repeat = MethodHandles.lookup().findVirtual(String.class, "repeat",
                    MethodType.methodType(String.class, int.class));
            MethodHandle floorMod = MethodHandles.lookup().findStatic(Math.class, "floorMod",
                    MethodType.methodType(long.class, long.class, long.class));
            String stars = (String) repeat.invokeExact("*", 3);
            long region = (long) floorMod.invokeExact(-17L, 5L);
            BiFunction<String, Integer, String> pad = (s, n) -> s + " ".repeat(n);
            Supplier<String> stamp = () -> "audit@" + System.identityHashCode(stars);
            IntUnaryOperator twice = n -> n * 2;
            String joined = String.join("|", pad.apply(stars, 2), stamp.get(), Arrays.toString(new int[] {1, 2}));
            AuditLine line = new AuditLine(twice.applyAsInt(21), 0.5f, (short) region, Severity.LOW);
            return Optional.of(line).map(AuditLine::toString).orElse("").length() + joined.length()
                    + Stream.of(line).mapToInt(AuditLine::hashCode).sum();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
