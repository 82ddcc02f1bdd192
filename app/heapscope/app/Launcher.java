package heapscope.app;

import heapscope.app.cli.HeapscopeCommand;

/**
 * The jar's entry point. Command-line arguments ({@code summary FILE}, {@code --version}, ...) run the CLI headless;
 * anything else starts the desktop app with the given files. A plain class, not the JavaFX {@code Application}, so
 * that {@code java -jar} works with JavaFX on the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (HeapscopeCommand.isCommandLine(args)) {
            System.exit(HeapscopeCommand.run(args));
        }
        System.err.println("heapscope: the desktop app is not available yet; try: heapscope --help");
        System.exit(2);
    }
}
