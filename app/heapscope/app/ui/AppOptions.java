package heapscope.app.ui;

import heapscope.app.ui.main.ViewKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The desktop app's launch arguments: files to open as a series (in the order given), or {@code --demo}; and the
 * unattended screenshot mode, {@code --screenshot OUT.png [--view NAME] [--filter LABEL] [--expand-top] (--demo |
 * files...)}, which opens the window, waits until everything is loaded, chooses the object filter of that label (as
 * the drop-down writes it), writes a PNG of the window and exits.
 */
public record AppOptions(List<Path> files, boolean demo, Path screenshot, ViewKind view, String filter,
        boolean expandTop) {
    /** The options that belong to the app, not to the command line. */
    private static final List<String> APP_OPTIONS = List.of("--screenshot", "--demo", "--view", "--filter",
            "--expand-top");

    /** Whether these arguments start the app in a way the CLI would mistake for its own options. */
    public static boolean isAppLaunch(String[] args) {
        return args.length > 0 && APP_OPTIONS.contains(args[0]);
    }

    public static AppOptions parse(List<String> args) {
        List<Path> files = new ArrayList<>();
        boolean demo = false;
        Path screenshot = null;
        ViewKind view = null;
        String filter = null;
        boolean expandTop = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--demo" -> demo = true;
                case "--expand-top" -> expandTop = true;
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, arg));
                case "--view" -> view = ViewKind.parse(value(args, ++i, arg));
                case "--filter" -> filter = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        return new AppOptions(List.copyOf(files), demo, screenshot, view, filter, expandTop);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
