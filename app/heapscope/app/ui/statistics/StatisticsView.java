package heapscope.app.ui.statistics;

import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.Vocabulary;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.HeapStatistics;
import heapscope.parser.view.Units;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Code-behind of StatisticsView.fxml: the pie chart of the heap's categories and its legend with the bytes. */
public final class StatisticsView extends HeapView {
    private final StatisticsViewModel viewModel;
    @FXML
    private PieChart chart;
    @FXML
    private GridPane legend;
    @FXML
    private Label totalLabel;

    public StatisticsView(StatisticsViewModel viewModel) {
        super(viewModel.main(), "StatisticsView");
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        chart.setLegendVisible(false);
        chart.setLabelsVisible(true);
        chart.setAnimated(false);
    }

    @Override
    protected void rebuild(Snapshot snapshot) {
        legend.getChildren().clear();
        chart.getData().clear();
        if (snapshot == null) {
            totalLabel.setText(main.selected() == null ? "" : main.selected().title() + " is not loaded.");
            return;
        }
        long total = snapshot.heap().totalSize();
        totalLabel.setText(StatisticsViewModel.totalLine(snapshot));
        totalLabel.setTooltip(new Tooltip(Units.exactBytes(total)));
        List<HeapStatistics.Category> slices = viewModel.slices(snapshot);
        for (int i = 0; i < slices.size(); i++) {
            HeapStatistics.Category slice = slices.get(i);
            chart.getData().add(new PieChart.Data(slice.name(), Math.max(0, slice.bytes())));
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", "default-color" + (i % 8));
            Label name = new Label(slice.name());
            name.setTooltip(new Tooltip(slice.description()));
            Label size = new Label(StatisticsViewModel.size(snapshot, slice.bytes()));
            size.setTooltip(new Tooltip(Vocabulary.sizeTooltip(slice.bytes())));
            size.getStyleClass().add("number");
            Label share = new Label(Units.percent(slice.bytes(), total));
            share.getStyleClass().add("share");
            Label description = new Label(slice.description());
            description.getStyleClass().add("muted");
            description.setTooltip(new Tooltip(slice.description()));
            for (Label fixed : List.of(name, size, share)) {
                fixed.setMinWidth(Region.USE_PREF_SIZE);
            }
            legend.addRow(i, swatch, name, size, share, description);
        }
        Label totalName = new Label("Total");
        totalName.getStyleClass().add("pane-title");
        Label totalSize = new Label(StatisticsViewModel.size(snapshot, total));
        totalSize.getStyleClass().addAll("number", "pane-title");
        totalSize.setTooltip(new Tooltip(Vocabulary.sizeTooltip(total)));
        totalName.setMinWidth(Region.USE_PREF_SIZE);
        totalSize.setMinWidth(Region.USE_PREF_SIZE);
        legend.addRow(slices.size(), new Region(), totalName, totalSize);
        for (PieChart.Data data : chart.getData()) {
            long bytes = (long) data.getPieValue();
            Tooltip.install(data.getNode(), new Tooltip(data.getName() + ": " + Vocabulary.sizeTooltip(bytes)));
        }
    }

    @Override
    public ExportTable exportTable(String title) {
        List<List<String>> rows = new ArrayList<>();
        for (HeapStatistics.Category slice : viewModel.slices(shown())) {
            rows.add(List.of(slice.name(), Long.toString(slice.bytes())));
        }
        return new ExportTable(title, List.of("category", "bytes"), rows);
    }
}
