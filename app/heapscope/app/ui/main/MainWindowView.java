package heapscope.app.ui.main;

import heapscope.app.ui.about.AboutDialog;
import heapscope.app.ui.cache.CacheDialog;
import heapscope.app.ui.capture.CaptureView;
import heapscope.app.ui.capture.CaptureViewModel;
import heapscope.app.ui.common.DialogService;
import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.Fxml;
import heapscope.app.ui.common.Job;
import heapscope.app.ui.common.SummaryCache;
import heapscope.app.ui.comparison.ComparisonView;
import heapscope.app.ui.comparison.ComparisonViewModel;
import heapscope.app.ui.fields.FieldsView;
import heapscope.app.ui.fields.FieldsViewModel;
import heapscope.app.ui.leaks.LeaksView;
import heapscope.app.ui.leaks.LeaksViewModel;
import heapscope.app.ui.retainers.RetainersView;
import heapscope.app.ui.retainers.RetainersViewModel;
import heapscope.app.ui.search.SearchView;
import heapscope.app.ui.search.SearchViewModel;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.app.ui.statistics.StatisticsView;
import heapscope.app.ui.statistics.StatisticsViewModel;
import heapscope.app.ui.summary.SummaryView;
import heapscope.app.ui.summary.SummaryViewModel;
import heapscope.app.ui.tree.RootTreeView;
import heapscope.app.ui.tree.RootTreeViewModel;
import heapscope.app.ui.welcome.WelcomeView;
import heapscope.parser.model.LeakSuspect;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Code-behind of MainWindow.fxml: the sidebar of snapshots, the toolbar (view selector, class filter, object filter,
 * find), the current view over the Retainers / Fields / Search results pane, the status bar (heap total, running job with
 * Cancel, the app's memory), menus, drag-and-drop. It only binds controls to {@link MainWindowViewModel} and switches
 * views.
 */
public final class MainWindowView {
    private final MainWindowViewModel viewModel;
    private final Map<ViewKind, HeapView> views = new EnumMap<>(ViewKind.class);
    private final RetainersView retainersView;
    private final SearchView searchView;
    private final FieldsView fieldsView;
    private final WelcomeView welcomeView;
    private CaptureView captureView;
    private Stage stage;
    private Parent root;
    private DialogService dialogs;
    @FXML
    private BorderPane window;
    @FXML
    private javafx.scene.control.MenuBar menuBar;
    @FXML
    private Menu recentMenu;
    @FXML
    private MenuItem closeItem;
    @FXML
    private ComboBox<ViewKind> viewChooser;
    @FXML
    private TextField classFilter;
    @FXML
    private ComboBox<ObjectFilterOption> objectFilter;
    @FXML
    private TextField searchField;
    @FXML
    private HBox hintBar;
    @FXML
    private Label hintLabel;
    @FXML
    private ListView<Snapshot> snapshotList;
    @FXML
    private StackPane centerStack;
    @FXML
    private SplitPane workArea;
    @FXML
    private StackPane viewHost;
    @FXML
    private TabPane bottomTabs;
    @FXML
    private Tab retainersTab;
    @FXML
    private Tab searchTab;
    @FXML
    private Tab fieldsTab;
    @FXML
    private Label heapStatus;
    @FXML
    private HBox jobBox;
    @FXML
    private ProgressBar jobProgress;
    @FXML
    private Label jobLabel;
    @FXML
    private Button jobCancel;
    @FXML
    private Label memoryStatus;

    public MainWindowView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
        SummaryCache cache = new SummaryCache();
        views.put(ViewKind.SUMMARY, new SummaryView(new SummaryViewModel(viewModel, cache)));
        views.put(ViewKind.COMPARISON, new ComparisonView(new ComparisonViewModel(viewModel)));
        views.put(ViewKind.CONTAINMENT, new RootTreeView(RootTreeViewModel.containment(viewModel)));
        views.put(ViewKind.DOMINATORS, new RootTreeView(RootTreeViewModel.dominators(viewModel)));
        views.put(ViewKind.STATISTICS, new StatisticsView(new StatisticsViewModel(viewModel)));
        views.put(ViewKind.LEAKS, new LeaksView(new LeaksViewModel(viewModel)));
        this.retainersView = new RetainersView(new RetainersViewModel(viewModel));
        this.searchView = new SearchView(new SearchViewModel(viewModel));
        this.fieldsView = new FieldsView(new FieldsViewModel(viewModel));
        this.welcomeView = new WelcomeView(viewModel::openDemo, this::openFiles, file -> viewModel.open(
                List.of(file)));
    }

    public Parent root() {
        if (root == null) {
            root = Fxml.load("MainWindow", this);
        }
        return root;
    }

    /** Shows the window in a stage: scene, stylesheet, title, drag-and-drop, dialogs. */
    public Scene attach(Stage stage, double width, double height) {
        this.stage = stage;
        this.dialogs = new DialogService(stage);
        viewModel.setDialogs(dialogs);
        Scene scene = new Scene(root(), width, height);
        scene.getStylesheets().add(Fxml.stylesheet());
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                viewModel.open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        stage.setScene(scene);
        stage.setTitle("Heapscope");
        return scene;
    }

    @FXML
    private void initialize() {
        // Toolbar
        viewChooser.getItems().setAll(ViewKind.values());
        viewChooser.valueProperty().bindBidirectional(viewModel.viewProperty());
        viewModel.viewProperty().addListener((obs, was, is) -> showView(is));
        classFilter.textProperty().bindBidirectional(viewModel.classFilterProperty());
        // Not a bidirectional binding: the combo box clears its value while its items are replaced, and the
        // binding would not let the view model put it back.
        objectFilter.setItems(viewModel.filterOptions());
        objectFilter.setValue(viewModel.filterOptionProperty().get());
        objectFilter.valueProperty().addListener((obs, was, is) -> {
            if (is != null) {
                viewModel.filterOptionProperty().set(is);
            }
        });
        viewModel.filterOptionProperty().addListener((obs, was, is) -> objectFilter.setValue(is));
        viewModel.filterOptions().addListener((ListChangeListener<ObjectFilterOption>) c -> Platform.runLater(
                () -> objectFilter.setValue(viewModel.filterOptionProperty().get())));
        searchField.setOnAction(e -> {
            searchView.search(searchField.getText());
            bottomTabs.getSelectionModel().select(searchTab);
        });
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
            }
        });
        hintLabel.textProperty().bind(viewModel.hintProperty());
        hintBar.visibleProperty().bind(viewModel.hintProperty().isNotEmpty());
        hintBar.managedProperty().bind(hintBar.visibleProperty());
        ((javafx.scene.layout.VBox) hintBar.getParent()).getChildren().add(
                new heapscope.app.ui.snapshot.WarningBanner(viewModel.selectedProperty()));

        // Sidebar
        snapshotList.setItems(viewModel.snapshots());
        snapshotList.setCellFactory(list -> new SnapshotCell(viewModel::close));
        snapshotList.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                viewModel.selectedProperty().set(is);
            }
        });
        viewModel.selectedProperty().addListener((obs, was, is) -> {
            if (snapshotList.getSelectionModel().getSelectedItem() != is) {
                snapshotList.getSelectionModel().select(is);
            }
        });
        viewModel.snapshots().addListener((ListChangeListener<Snapshot>) c -> {
            Snapshot selected = viewModel.selected();
            if (selected != null && snapshotList.getSelectionModel().getSelectedItem() != selected) {
                snapshotList.getSelectionModel().select(selected);
            }
        });
        snapshotList.setContextMenu(sidebarMenu());
        snapshotList.setOnKeyPressed(e -> {
            Snapshot s = snapshotList.getSelectionModel().getSelectedItem();
            if (s == null) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE) {
                viewModel.close(s);
            } else if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                viewModel.move(s, -1);
                snapshotList.getSelectionModel().select(s);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                viewModel.move(s, 1);
                snapshotList.getSelectionModel().select(s);
                e.consume();
            }
        });

        // Center: welcome page or views over the bottom pane
        retainersTab.setContent(retainersView.root());
        searchTab.setContent(searchView.root());
        fieldsTab.setContent(fieldsView.root());
        searchView.setOnShowRetainers(() -> bottomTabs.getSelectionModel().select(retainersTab));
        viewModel.selectionProperty().addListener((obs, was, is) -> {
            Tab current = bottomTabs.getSelectionModel().getSelectedItem();
            if (is != null && current != searchTab && current != fieldsTab) {
                bottomTabs.getSelectionModel().select(retainersTab);
            }
        });
        // Every view is built now and kept in the scene (hidden), so that showing one later is only a switch: its
        // FXML and CSS do not compete with a snapshot that is loading.
        for (HeapView view : views.values()) {
            Parent viewRoot = view.root();
            viewRoot.setVisible(false);
            viewRoot.setManaged(false);
            viewHost.getChildren().add(viewRoot);
        }
        viewModel.emptyProperty().addListener((obs, was, is) -> showCenter());
        showCenter();
        showView(viewModel.viewProperty().get());
        closeItem.disableProperty().bind(viewModel.selectedProperty().isNull());
        menuBar.getMenus().get(0).setOnShowing(e -> updateRecentMenu());

        // Status bar
        heapStatus.textProperty().bind(viewModel.heapStatusProperty());
        memoryStatus.textProperty().bind(viewModel.memoryStatusProperty());
        viewModel.background().running().addListener((ListChangeListener<Job>) c -> showJob());
        showJob();
        viewModel.updateMemory();
        Timeline memory = new Timeline(new KeyFrame(Duration.seconds(2), e -> viewModel.updateMemory()));
        memory.setCycleCount(Timeline.INDEFINITE);
        memory.play();
    }

    private ContextMenu sidebarMenu() {
        MenuItem up = new MenuItem("Move up (earlier in the series)");
        up.setOnAction(e -> moveSelected(-1));
        MenuItem down = new MenuItem("Move down (later in the series)");
        down.setOnAction(e -> moveSelected(1));
        MenuItem close = new MenuItem("Close");
        close.setOnAction(e -> viewModel.close(snapshotList.getSelectionModel().getSelectedItem()));
        return new ContextMenu(up, down, close);
    }

    private void moveSelected(int delta) {
        Snapshot s = snapshotList.getSelectionModel().getSelectedItem();
        if (s != null) {
            viewModel.move(s, delta);
            snapshotList.getSelectionModel().select(s);
        }
    }

    private void showCenter() {
        boolean empty = viewModel.emptyProperty().get();
        updateToolbar();
        if (empty) {
            welcomeView.showRecent(viewModel.recentFiles());
            centerStack.getChildren().setAll(welcomeView.root());
        } else {
            centerStack.getChildren().setAll(workArea);
        }
        updateRecentMenu();
    }

    private void showView(ViewKind kind) {
        HeapView view = views.get(kind);
        for (HeapView other : views.values()) {
            if (other != view) {
                other.setActive(false);
            }
        }
        for (HeapView other : views.values()) {
            other.root().setVisible(other == view);
            other.root().setManaged(other == view);
        }
        view.setActive(true);
        updateToolbar();
    }

    /** The filters apply to Summary (and the class filter to Comparison), and only with a snapshot open. */
    private void updateToolbar() {
        ViewKind kind = viewModel.viewProperty().get();
        boolean empty = viewModel.emptyProperty().get();
        classFilter.setDisable(empty || !(kind == ViewKind.SUMMARY || kind == ViewKind.COMPARISON));
        objectFilter.setDisable(empty || kind != ViewKind.SUMMARY);
        searchField.setDisable(empty);
    }

    private void showJob() {
        List<Job> running = viewModel.background().running();
        Job job = running.isEmpty() ? null : running.get(running.size() - 1);
        jobBox.setVisible(job != null);
        jobBox.setManaged(job != null);
        if (job != null) {
            jobProgress.progressProperty().unbind();
            jobProgress.progressProperty().bind(javafx.beans.binding.Bindings.when(job.progressProperty().lessThan(0))
                    .then(ProgressBar.INDETERMINATE_PROGRESS).otherwise(job.progressProperty()));
            jobLabel.setText(job.title() + (running.size() > 1 ? "  (+" + (running.size() - 1) + ")" : ""));
            jobCancel.setOnAction(e -> job.cancel());
        }
    }

    private void updateRecentMenu() {
        recentMenu.getItems().clear();
        for (Path file : viewModel.recentFiles()) {
            MenuItem item = new MenuItem(file.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.open(List.of(file)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    @FXML
    private void openFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open heap snapshots");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Heap dumps", "*.heapsnapshot", "*.heapsnapshot.gz", "*.hprof",
                        "*.hprof.gz", "*.gz", "*.hsindex"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) {
            viewModel.open(files.stream().map(File::toPath).toList());
            updateRecentMenu();
        }
    }

    @FXML
    private void openDemo() {
        viewModel.openDemo();
    }

    /** File ▸ Take snapshot…: the capture dialog, made on first use. */
    @FXML
    private void takeSnapshot() {
        if (captureView == null) {
            captureView = new CaptureView(new CaptureViewModel(viewModel.background(), viewModel));
        }
        captureView.show(stage);
    }

    /** The Take snapshot dialog; null until it was first opened (for tests). */
    public CaptureView captureView() {
        return captureView;
    }

    @FXML
    private void closeSnapshot() {
        viewModel.close(viewModel.selected());
    }

    @FXML
    private void exportCsv() {
        export(true);
    }

    @FXML
    private void exportJson() {
        export(false);
    }

    private void export(boolean csv) {
        ExportTable table = currentTable();
        if (table == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + table.title());
        chooser.setInitialFileName(table.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
                + (csv ? ".csv" : ".json"));
        File file = chooser.showSaveDialog(stage);
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

    /** The current view's rows as text, for export. */
    public ExportTable currentTable() {
        ViewKind kind = viewModel.viewProperty().get();
        HeapView view = views.get(kind);
        String title = kind.title() + (viewModel.selected() == null ? "" : " of " + viewModel.selected().title());
        if (view instanceof StatisticsView statistics) {
            List<List<String>> rows = new ArrayList<>();
            for (StatisticsViewModel.Slice slice : statistics.shownSlices()) {
                rows.add(List.of(slice.name(), Long.toString(slice.bytes())));
            }
            return new ExportTable(title, List.of("category", "bytes"), rows);
        }
        if (view instanceof LeaksView leaks) {
            List<List<String>> rows = new ArrayList<>();
            for (LeakSuspect s : leaks.shownSuspects()) {
                rows.add(List.of(s.name(), s.containerClass(), s.path(), Integer.toString(s.instances()),
                        java.util.Arrays.toString(s.retainedSizes()), Long.toString(s.growth()),
                        Boolean.toString(s.grewEveryStep())));
            }
            return new ExportTable(title, List.of("name", "container", "path", "instances", "retainedSizes",
                    "growth", "grewEveryStep"), rows);
        }
        return view.grid() == null ? null : ExportTable.of(title, view.grid());
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    @FXML
    private void showSummary() {
        viewModel.viewProperty().set(ViewKind.SUMMARY);
    }

    @FXML
    private void showComparison() {
        viewModel.viewProperty().set(ViewKind.COMPARISON);
    }

    @FXML
    private void showContainment() {
        viewModel.viewProperty().set(ViewKind.CONTAINMENT);
    }

    @FXML
    private void showDominators() {
        viewModel.viewProperty().set(ViewKind.DOMINATORS);
    }

    @FXML
    private void showStatistics() {
        viewModel.viewProperty().set(ViewKind.STATISTICS);
    }

    @FXML
    private void showLeaks() {
        viewModel.viewProperty().set(ViewKind.LEAKS);
    }

    @FXML
    private void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void focusClassFilter() {
        classFilter.requestFocus();
        classFilter.selectAll();
    }

    @FXML
    private void closeHint() {
        viewModel.hintProperty().set("");
    }

    @FXML
    private void showAbout() {
        AboutDialog.show(dialogs);
    }

    @FXML
    private void showCacheSettings() {
        CacheDialog.show(dialogs);
    }

    /** The view of a kind (for tests and the screenshot option). */
    public HeapView view(ViewKind kind) {
        return views.get(kind);
    }

    public RetainersView retainersView() {
        return retainersView;
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }
}
