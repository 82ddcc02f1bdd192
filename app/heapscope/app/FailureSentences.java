package heapscope.app;

import heapscope.parser.read.HeapFileException;
import heapscope.parser.read.MemoryEstimate;
import heapscope.parser.read.NotEnoughMemoryException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place that words failures for people, so the command line and the desktop app say the same thing: one line
 * naming the file and what is wrong ({@code app.hprof: truncated: ...}), and for too little memory which maximum heap
 * would do and where to set it (the {@code -Xmx} of {@code java -jar}, or the installed app's launcher {@code .cfg}
 * and {@code JAVA_TOOL_OPTIONS}). Stateless; reads system properties, no IO except looking for the launcher's file.
 */
public final class FailureSentences {
    private FailureSentences() {
    }

    /** Whether the failure is about the input or the machine (worded here) rather than a bug in Heapscope. */
    public static boolean isExpected(Throwable error) {
        return error instanceof HeapFileException || error instanceof IOException
                || error instanceof OutOfMemoryError;
    }

    /**
     * The sentence for a failure to open {@code file} (null when no one file is concerned, e.g. a whole command ran
     * out of memory). Never more than one line.
     */
    public static String sentence(Path file, Throwable error) {
        String name = file == null ? null : file.getFileName().toString();
        String text;
        if (error instanceof NotEnoughMemoryException memory) {
            text = memory.getMessage() + "; " + memoryAdvice(memory.suggestedXmx());
        } else if (error instanceof HeapFileException bad) {
            text = bad.getMessage();
        } else if (error instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory();
            text = prefix(name) + "not enough memory: this Java may use " + MemoryEstimate.humanBytes(max) + "; "
                    + memoryAdvice(MemoryEstimate.xmx(MemoryEstimate.roundUpHeap(2 * max)));
        } else if (error instanceof FileSystemException fs) {
            String which = fs.getFile() != null ? Path.of(fs.getFile()).getFileName().toString() : name;
            text = prefix(which) + fileSystemProblem(fs);
        } else if (error instanceof IOException io) {
            text = prefix(name) + "cannot be read: " + io.getMessage();
        } else {
            text = prefix(name) + "could not be opened (" + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ")";
        }
        return text.replaceAll("\\R", " ");
    }

    private static String fileSystemProblem(FileSystemException fs) {
        if (fs instanceof NoSuchFileException) {
            return "no such file";
        }
        if (fs instanceof AccessDeniedException) {
            return "cannot be read: permission denied";
        }
        String reason = fs.getReason() != null ? fs.getReason() : fs.getMessage();
        return "cannot be read: " + reason.toLowerCase(java.util.Locale.ROOT);
    }

    /** What to do with too little memory, for how this process was started. */
    static String memoryAdvice(String xmx) {
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath == null && System.getProperty("jpackage.app-version") == null) {
            return "start it with more, e.g. java -Xmx" + xmx + " -jar heapscope.jar";
        }
        String where = launcherConfig(appPath).map(Path::toString).orElse("the launcher's .cfg file");
        return "give it more with JAVA_TOOL_OPTIONS=-Xmx" + xmx + " in the environment, or java-options=-Xmx" + xmx
                + " in " + where;
    }

    /** The jpackage launcher's configuration file beside the installed app, if it can be found. */
    static Optional<Path> launcherConfig(String appPath) {
        if (appPath == null) {
            return Optional.empty();
        }
        Path launcher = Path.of(appPath);
        String name = launcher.getFileName().toString().replaceFirst("\\.exe$", "") + ".cfg";
        Path dir = launcher.getParent();
        if (dir == null) {
            return Optional.empty();
        }
        for (Path candidate : new Path[] {dir.resolveSibling("lib").resolve("app").resolve(name),
            dir.resolveSibling("app").resolve(name), dir.resolve("app").resolve(name)}) {
            if (java.nio.file.Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String prefix(String name) {
        return name == null ? "" : name + ": ";
    }
}
