package heapscope.leaks.programs.steady;

/** A row of the country table, loaded once in the first phase. */
final class Country {
    final String code;
    final String name;

    Country(String code, String name) {
        this.code = code;
        this.name = name;
    }
}
