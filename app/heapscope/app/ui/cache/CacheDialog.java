package heapscope.app.ui.cache;

import heapscope.app.ui.common.DialogService;
import heapscope.parser.cache.AnalysisCache;
import java.io.IOException;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * File ▸ Analysis cache…: whether the app keeps analyses, where, how much they take of what budget, and Clear. Every
 * control acts at once (the dialog only has Close). Reads the cache folder's listing when shown and after each
 * change: file sizes only, no entry is read.
 */
public final class CacheDialog {
    private final AnalysisCache cache = AnalysisCache.at(AnalysisCache.standardFolder(), note -> { });
    private final Label usage = new Label();
    private final TextField budget = new TextField();

    private CacheDialog() {
    }

    public static void show(DialogService dialogs) {
        new CacheDialog().open(dialogs);
    }

    private void open(DialogService dialogs) {
        Label about = new Label("Heapscope keeps the analysis of every file it opens in " + cache.folder()
                + ", so that opening the file again reads it instead of analysing the file (a fraction of the time)."
                + " A file that changed is analysed again. Nothing is ever written beside your files.");
        about.setWrapText(true);
        about.setMaxWidth(480);
        CheckBox keep = new CheckBox("Keep analyses in the cache");
        keep.setId("cache-enabled");
        keep.setSelected(CacheSettings.enabled());
        keep.selectedProperty().addListener((o, was, is) -> CacheSettings.setEnabled(is));
        budget.setId("cache-budget");
        budget.setPrefColumnCount(6);
        budget.setOnAction(e -> setBudget());
        Button set = new Button("Set");
        set.setOnAction(e -> setBudget());
        Button reset = new Button("Default (" + AnalysisCache.DEFAULT_BUDGET_RULE + ")");
        reset.setOnAction(e -> change(() -> cache.setBudget(null)));
        Button clear = new Button("Clear the cache");
        clear.setId("cache-clear");
        clear.setOnAction(e -> change(cache::clear));
        usage.setId("cache-usage");
        HBox budgetRow = new HBox(6, new Label("Budget (GB):"), budget, set, reset);
        refresh();
        dialogs.showInfo("Analysis cache", "Analysis cache", new VBox(10, about, keep, usage, budgetRow, clear));
    }

    private void setBudget() {
        try {
            double gigabytes = Double.parseDouble(budget.getText().strip().replace(',', '.'));
            if (gigabytes >= 0) {
                change(() -> cache.setBudget((long) (gigabytes * 1e9)));
                return;
            }
        } catch (NumberFormatException e) {
            // shown below
        }
        usage.setText("Not a number of gigabytes: " + budget.getText());
    }

    /** A change to the cache folder, then the figures again. */
    private void change(CacheChange change) {
        try {
            change.run();
            refresh();
        } catch (IOException e) {
            usage.setText("The cache folder cannot be changed: " + e.getMessage());
        }
    }

    private void refresh() {
        try {
            usage.setText(String.format(Locale.ROOT, "Uses %.1f MB of its budget of %.1f GB%s.",
                    cache.usedBytes() / 1e6, cache.budgetBytes() / 1e9,
                    cache.budgetIsDefault() ? " (the default: " + AnalysisCache.DEFAULT_BUDGET_RULE + ")" : ""));
            budget.setText(String.format(Locale.ROOT, "%.1f", cache.budgetBytes() / 1e9));
        } catch (IOException e) {
            usage.setText("The cache folder cannot be read: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface CacheChange {
        void run() throws IOException;
    }
}
