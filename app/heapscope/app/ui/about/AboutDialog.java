package heapscope.app.ui.about;

import heapscope.app.Version;
import heapscope.app.ui.common.DialogService;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Help ▸ About: the version (from the pom), the runtime, and what Heapscope reads. */
public final class AboutDialog {
    private AboutDialog() {
    }

    public static void show(DialogService dialogs) {
        Label version = new Label("Version " + Version.current());
        version.setId("about-version");
        Label runtime = new Label("Java " + System.getProperty("java.version") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "?"));
        Label formats = new Label("Reads V8 heap snapshots (.heapsnapshot) and Java heap dumps (.hprof), plain or"
                + " gzip-compressed. Its numbers are Chrome DevTools' numbers for the same file.");
        formats.setWrapText(true);
        formats.setMaxWidth(420);
        VBox content = new VBox(8, version, runtime, formats);
        dialogs.showInfo("About Heapscope", "Heapscope " + Version.current(), content);
    }
}
