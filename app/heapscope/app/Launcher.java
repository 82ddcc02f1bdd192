package heapscope.app;

import heapscope.app.cli.HeapscopeCommand;
import heapscope.app.ui.AppOptions;
import heapscope.app.ui.JavaFxLaunch;

/**
 * The jar's entry point. Command-line arguments ({@code summary FILE}, {@code --version}, ...) run the CLI headless;
 * anything else starts the desktop app with the given files. The app's own options ({@code --demo},
 * {@code --screenshot}, {@code --view}) are recognised first, since the CLI takes any leading option for its own. A
 * plain class, not the JavaFX {@code Application}, so that {@code java -jar} works; {@link JavaFxLaunch} loads JavaFX
 * as modules.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (!AppOptions.isAppLaunch(args) && HeapscopeCommand.isCommandLine(args)) {
            System.exit(HeapscopeCommand.run(args));
        }
        JavaFxLaunch.launch(args);
    }
}
