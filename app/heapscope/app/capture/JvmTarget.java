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
        return "JVM " + pid + (name.isEmpty() ? "" : " (" + shortName() + ")");
    }

    @Override
    public String shortName() {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.endsWith(".jar") || last.endsWith(".java") ? last : last.substring(last.lastIndexOf('.') + 1);
    }

    @Override
    public String fileStem() {
        String program = CaptureTarget.safeFileNamePart(shortName());
        return "jvm-" + pid + (program.isEmpty() ? "" : "-" + program);
    }

    @Override
    public String fileExtension() {
        return ".hprof";
    }
}
