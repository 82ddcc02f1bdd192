package heapscope.app.ui.statistics;

import heapscope.app.ui.common.ExportTable;
import heapscope.parser.view.Units;
import heapscope.app.ui.main.HeapView;
import heapscope.app.ui.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Code-behind of StatisticsView.fxml: the pie chart and its legend with exact bytes. */
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
        long total = snapshot.heap().statistics().total();
        totalLabel.setText(snapshot.title() + " \u2014 total " + Units.bytes(total));
        totalLabel.setTooltip(new Tooltip(Units.exactBytes(total)));
        List<StatisticsViewModel.Slice> slices = viewModel.slices(snapshot);
        for (int i = 0; i < slices.size(); i++) {
            StatisticsViewModel.Slice slice = slices.get(i);
            chart.getData().add(new PieChart.Data(slice.name(), Math.max(0, slice.bytes())));
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", "default-color" + (i % 8));
            Label name = new Label(slice.name());
            name.setTooltip(new Tooltip(slice.description()));
            Label size = new Label(Units.bytes(slice.bytes()));
            size.setTooltip(new Tooltip(Units.exactBytes(slice.bytes())));
            size.getStyleClass().add("number");
            Label share = new Label(Units.percent(slice.bytes(), total));
            share.getStyleClass().add("share");
            legend.addRow(i, swatch, name, size, share);
        }
        for (PieChart.Data data : chart.getData()) {
            long bytes = (long) data.getPieValue();
            Tooltip.install(data.getNode(), new Tooltip(data.getName() + ": " + Units.bytes(bytes) + " ("
                    + Units.exactBytes(bytes) + ")"));
        }
    }

    @Override
    public ExportTable exportTable(String title) {
        List<List<String>> rows = new ArrayList<>();
        for (StatisticsViewModel.Slice slice : viewModel.slices(shown())) {
            rows.add(List.of(slice.name(), Long.toString(slice.bytes())));
        }
        return new ExportTable(title, List.of("category", "bytes"), rows);
    }
}
