package heapscope.app.ui.main;

import heapscope.app.ui.about.AboutDialog;
import heapscope.app.ui.cache.CacheDialog;
import heapscope.app.ui.capture.CaptureView;
import heapscope.app.ui.capture.CaptureViewModel;
import heapscope.app.ui.help.HelpDialog;
import heapscope.app.ui.common.DialogService;
import heapscope.app.ui.common.ExportTable;
import heapscope.app.ui.common.Fxml;
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
import heapscope.app.ui.suspects.SuspectsView;
import heapscope.app.ui.suspects.SuspectsViewModel;
import heapscope.app.ui.summary.SummaryViewModel;
import heapscope.app.ui.tree.RootTreeView;
import heapscope.app.ui.tree.RootTreeViewModel;
import heapscope.app.ui.welcome.WelcomeView;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
    private Runnable onQuit = Platform::exit;
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
        views.put(ViewKind.SUSPECTS, new SuspectsView(new SuspectsViewModel(viewModel)));
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
        this.dialogs = new DialogService(stage, this::quit);
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
        afterFirstFrame(scene, this::prepareWorkArea);
        return scene;
    }

    /**
     * Runs {@code action} once, after the pulse that lays out the window's first frame (the frame is drawn while it
     * runs).
     */
    private static void afterFirstFrame(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> Platform.runLater(() -> {
            if (listener[0] != null) {
                scene.removePostLayoutPulseListener(listener[0]);
                listener[0] = null;
                action.run();
            }
        });
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /**
     * Puts the work area, hidden, under the welcome page, so that its views get their skins and styles while the user
     * chooses a file. Made when a file is opened instead, they took most of the JavaFX thread's time of a reopen from
     * the analysis cache (the seven views' skins, about half a second of CPU), delaying the snapshot and its Summary.
     */
    private void prepareWorkArea() {
        if (!centerStack.getChildren().contains(workArea)) {
            workArea.setVisible(false);
            centerStack.getChildren().add(0, workArea);
        }
    }

    @FXML
    private void initialize() {
        // Toolbar
        viewChooser.getItems().setAll(ViewKind.values());
        viewChooser.setCellFactory(list -> new ViewKindCell(viewModel));
        viewChooser.setButtonCell(new ViewKindCell(viewModel));
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
            viewModel.paneProperty().set(MainWindowViewModel.Pane.SEARCH);
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

        new SnapshotSidebar(snapshotList, viewModel);

        // Center: welcome page or views over the bottom pane
        retainersTab.setContent(retainersView.root());
        searchTab.setContent(searchView.root());
        fieldsTab.setContent(fieldsView.root());
        Map<MainWindowViewModel.Pane, Tab> tabs = Map.of(MainWindowViewModel.Pane.RETAINERS, retainersTab,
                MainWindowViewModel.Pane.FIELDS, fieldsTab, MainWindowViewModel.Pane.SEARCH, searchTab);
        viewModel.paneProperty().addListener((obs, was, is) -> bottomTabs.getSelectionModel().select(tabs.get(is)));
        bottomTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> tabs.forEach(
                (pane, tab) -> {
                    if (tab == is) {
                        viewModel.paneProperty().set(pane);
                    }
                }));
        // Every view is built now and kept in the work area (hidden), which joins the scene after the first frame
        // (prepareWorkArea), so that showing one later is only a switch: its FXML and CSS do not compete with a
        // snapshot that is loading.
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

        new StatusBar(viewModel, heapStatus, jobBox, jobProgress, jobLabel, jobCancel, memoryStatus);
        viewModel.selectedProperty().addListener((obs, was, is) -> speakTheShownFilesLanguage());
        viewModel.snapshots().addListener((ListChangeListener<Snapshot>) c -> speakTheShownFilesLanguage());
        viewModel.revealProperty().addListener((obs, was, is) -> {
            if (is != null) {
                viewModel.revealProperty().set(null);
                reveal(is);
            }
        });
    }

    /** Shows the request's snapshot and lets the view on screen reveal the object, or else the Summary. */
    private void reveal(MainWindowViewModel.Reveal request) {
        if (viewModel.selected() != request.snapshot()) {
            viewModel.selectedProperty().set(request.snapshot());
        }
        HeapView current = views.get(viewModel.viewProperty().get());
        boolean here = request.inCurrentView() && request.node() != null && current.canReveal();
        if (!here) {
            viewModel.viewProperty().set(ViewKind.SUMMARY);
        }
        views.get(viewModel.viewProperty().get()).reveal(request, found -> {
        });
    }

    /** The view selector and the pane below use the shown file's words: MAT's for a Java dump. */
    private void speakTheShownFilesLanguage() {
        Snapshot shown = viewModel.selected();
        boolean java = shown != null && shown.format() == heapscope.parser.graph.HeapFormat.HPROF;
        retainersTab.setText(java ? "Path to GC Roots" : "Retainers");
        viewChooser.setButtonCell(new ViewKindCell(viewModel));
    }

    private void showCenter() {
        boolean empty = viewModel.emptyProperty().get();
        updateToolbar();
        // Once in the scene, the work area stays (hidden under the welcome page): taken out and put back, it would be
        // styled again from scratch.
        List<Node> center = centerStack.getChildren();
        workArea.setVisible(!empty);
        if (empty) {
            welcomeView.showRecent(viewModel.recentFiles());
            if (!center.contains(welcomeView.root())) {
                center.add(welcomeView.root());
            }
        } else {
            center.remove(welcomeView.root());
            if (!center.contains(workArea)) {
                center.add(workArea);
            }
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
        if (table != null) {
            ViewExport.save(stage, dialogs, table, csv);
        }
    }

    /** The current view's rows as text, for export; null for a view that shows nothing to export. */
    public ExportTable currentTable() {
        ViewKind kind = viewModel.viewProperty().get();
        String title = kind.title() + (viewModel.selected() == null ? "" : " of " + viewModel.selected().title());
        return views.get(kind).exportTable(title);
    }

    @FXML
    private void quit() {
        onQuit.run();
    }

    /** What File ▸ Quit and the Quit shortcut do (the app exits; a test listens instead). */
    public void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** View ▸ Summary … Leak Suspects: the menu item names its view in its user data. */
    @FXML
    private void showView(ActionEvent event) {
        viewModel.viewProperty().set(ViewKind.valueOf((String) ((MenuItem) event.getSource()).getUserData()));
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

    /** Help ▸ …: the menu item names the README's section in its user data. */
    @FXML
    private void showHelp(ActionEvent event) {
        HelpDialog.show(dialogs, (String) ((MenuItem) event.getSource()).getUserData());
    }

    @FXML
    private void showCacheSettings() {
        CacheDialog.show(dialogs);
    }

    /** The view of a kind (for tests and the screenshot option). */
    public HeapView view(ViewKind kind) {
        return views.get(kind);
    }


    public MainWindowViewModel viewModel() {
        return viewModel;
    }
}
