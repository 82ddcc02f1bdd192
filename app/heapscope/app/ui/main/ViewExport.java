package heapscope.app.ui.main;

import heapscope.app.ui.common.DialogService;
import heapscope.app.ui.common.ExportTable;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File ▸ Export: asks where to save the current view's table and writes it as CSV or JSON. */
final class ViewExport {
    private ViewExport() {
    }

    static void save(Window owner, DialogService dialogs, ExportTable table, boolean csv) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + table.title());
        chooser.setInitialFileName(table.title().toLowerCase(Locale.ROOT).replace(' ', '-') + (csv ? ".csv" : ".json"));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        try {
            if (csv) {
                table.writeCsv(file.toPath());
            } else {
                table.writeJson(file.toPath());
            }
        } catch (IOException e) {
            dialogs.showError("Export failed", file.getName() + ": could not be written: " + e.getMessage(), e);
        }
    }
}
