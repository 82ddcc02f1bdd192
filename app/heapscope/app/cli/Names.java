package heapscope.app.cli;

/** Keeps text tables readable: interface names and string classes can be hundreds of characters long. */
final class Names {
    private static final int MAX = 80;

    private Names() {
    }

    static String abbreviate(String name) {
        String oneLine = name.replace('\n', ' ');
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 1) + "\u2026";
    }
}
