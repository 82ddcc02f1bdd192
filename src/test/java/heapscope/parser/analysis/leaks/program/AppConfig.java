package heapscope.parser.analysis.leaks.program;

/**
 * The program's settings, kept once at start in the system properties (a Hashtable takes any object): a program
 * object under a JDK static that does not grow, so the properties' growth stays the JDK's.
 */
final class AppConfig {
    static final String KEY = "eight-leaks.config";

    final int[] limits = new int[8];
}
