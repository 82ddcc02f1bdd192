package heapscope.app.capture;

/**
 * A running program Heapscope can take heap snapshots of: a JVM ({@link JvmTarget}) or a V8 inspector target
 * ({@link InspectorTarget}: a Node.js process, a Chrome page or worker). Immutable.
 */
public sealed interface CaptureTarget permits JvmTarget, InspectorTarget {
    /** How {@code heapscope capture} names it: {@code jvm:PID}, {@code node:HOST:PORT}, a WebSocket URL or a pid. */
    String id();

    /** {@code jvm}, {@code node}, or the inspector's type of a browser target ({@code page}, {@code worker}, ...). */
    String kind();

    /** The process id, or -1 when unknown (an inspector found by its port only). */
    long pid();

    /** The program: a JVM's main class or jar, a Node.js script, a page's title; empty when unknown. */
    String name();

    /** The program in few words: a main class without its package, a jar without its folder. */
    default String shortName() {
        return name();
    }

    /** The runtime and its version ({@code Java 17.0.15}, {@code node.js/v20.20.2}); empty when unknown. */
    String runtime();

    /** The user the process runs as; empty when unknown. */
    String user();

    /** Why it cannot be captured, one sentence; null when it can be. */
    String problem();

    /** The target in a sentence: {@code JVM 1234 (GrowingSessions)}. */
    String label();

    /** The part of a snapshot's file name that says what it is of: {@code jvm-1234-GrowingSessions}. */
    String fileStem();

    /** {@code .hprof} or {@code .heapsnapshot}. */
    String fileExtension();

    /** A name part safe on every file system: letters, digits, dot, dash and underscore, at most 40 characters. */
    static String safeFileNamePart(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+|_+$", "");
        return safe.length() <= 40 ? safe : safe.substring(0, 40);
    }
}
