package heapscope.app.capture;

/**
 * A local JVM: its pid, its main class or jar as {@code jcmd -l} shows it, its Java version (read over the attach
 * mechanism when listing), the user it runs as, and why it cannot be dumped, if it cannot.
 */
public record JvmTarget(long pid, String name, String runtime, String user, String problem) implements CaptureTarget {
    @Override
    public String id() {
        return "jvm:" + pid;
    }

    @Override
    public String kind() {
        return "jvm";
    }

    @Override
    public String label() {
        return "JVM " + pid + (name.isEmpty() ? "" : " (" + name + ")");
    }

    @Override
    public String fileStem() {
        String program = CaptureTarget.safeFileNamePart(simpleName(name));
        return "jvm-" + pid + (program.isEmpty() ? "" : "-" + program);
    }

    @Override
    public String fileExtension() {
        return ".hprof";
    }

    /** {@code com.example.Main} → {@code Main}; {@code /opt/app/app.jar} → {@code app.jar}. */
    private static String simpleName(String program) {
        String last = program.substring(program.lastIndexOf('/') + 1);
        if (last.endsWith(".jar")) {
            return last;
        }
        return last.substring(last.lastIndexOf('.') + 1);
    }
}
