package heapscope.app.ui;

import heapscope.app.ui.common.Background;
import heapscope.app.ui.main.MainWindowView;
import heapscope.app.ui.main.MainWindowViewModel;
import heapscope.app.ui.snapshot.RecentFiles;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app: one main window over the engine. Started by {@code heapscope.app.Launcher}; the arguments are
 * {@link AppOptions}. Preferences (recent files) live under the user node {@code heapscope}, or the node named by
 * the system property {@code heapscope.preferences}.
 */
public final class HeapscopeApp extends Application {
    private Background background;

    @Override
    public void start(Stage stage) {
        AppOptions options;
        try {
            options = AppOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println("heapscope: " + e.getMessage());
            Platform.exit();
            System.exit(2);
            return;
        }
        background = new Background();
        MainWindowView window = createWindow(stage, background, recentFiles(), 1280, 820);
        heapscope.app.ui.common.FxWatchdog.startIfAsked(background);
        // The files are in the sidebar, loading, before the window first paints: a user who opened files never sees
        // the welcome page. Loading runs on its own threads, so the window still paints at once.
        open(window, stage, options);
        stage.show();
    }

    /** Opens what the arguments name (files, the demo, a view, a screenshot to take) in a window not shown yet. */
    static void open(MainWindowView window, Stage stage, AppOptions options) {
        MainWindowViewModel viewModel = window.viewModel();
        if (options.demo()) {
            viewModel.openDemo();
        }
        if (!options.files().isEmpty()) {
            viewModel.openInOrder(options.files());
        }
        if (options.view() != null) {
            viewModel.viewProperty().set(options.view());
        }
        if (options.screenshot() != null) {
            new Screenshot(window, stage, options).start();
        }
    }

    /** Builds the main window in a stage (also what the UI tests start). */
    public static MainWindowView createWindow(Stage stage, Background background, RecentFiles recentFiles,
            double width, double height) {
        MainWindowViewModel viewModel = new MainWindowViewModel(background, recentFiles);
        MainWindowView window = new MainWindowView(viewModel);
        window.attach(stage, width, height);
        return window;
    }

    private static RecentFiles recentFiles() {
        String node = System.getProperty("heapscope.preferences", "heapscope");
        return new RecentFiles(Preferences.userRoot().node(node));
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdown();
        }
    }
}
