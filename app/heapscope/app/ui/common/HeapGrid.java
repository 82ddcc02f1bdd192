package heapscope.app.ui.common;

import heapscope.parser.view.Sort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Turns an FXML {@code TreeTableView} into a heap grid: DevTools' columns with tooltips, cells that format the
 * engine's values, lazily paged rows ({@link PagedTreeItem}), sorting done by the engine (clicking a header changes
 * the sort and reloads; the table itself never sorts), copy row / copy path, and keyboard use (Ctrl+C copies, Enter on
 * a "more" row loads the next page). Use on the JavaFX thread.
 */
public final class HeapGrid implements PagedTreeItem.Context {
    private final TreeTableView<GridRow> table;
    private final Background background;
    private final Sort defaultSort;
    private final ObjectProperty<Sort> sort;
    private final Map<TreeTableColumn<GridRow, GridRow>, ColumnKind> kinds = new LinkedHashMap<>();
    private final ContextMenu contextMenu = new ContextMenu();
    private LongSupplier total = () -> 0;
    private Consumer<PagedTreeItem> onLoaded = item -> {
    };

    public HeapGrid(TreeTableView<GridRow> table, Background background, Sort defaultSort) {
        this.table = table;
        this.background = background;
        this.defaultSort = defaultSort;
        this.sort = new SimpleObjectProperty<>(defaultSort);
        table.setShowRoot(false);
        table.setSortPolicy(t -> true);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSortOrder().addListener((ListChangeListener<TreeTableColumn<GridRow, ?>>) c -> updateSort());
        table.getStyleClass().add("heap-grid");
        table.setPlaceholder(new Label(""));
        MenuItem copyRow = new MenuItem("Copy row");
        copyRow.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copyRow.setOnAction(e -> copy(rowText(selectedItem())));
        MenuItem copyPath = new MenuItem("Copy path");
        copyPath.setOnAction(e -> copy(pathText(selectedItem())));
        contextMenu.getItems().addAll(copyRow, copyPath);
        table.setContextMenu(contextMenu);
        table.setOnKeyPressed(e -> {
            TreeItem<GridRow> item = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.C && e.isShortcutDown() && item != null) {
                copy(rowText(item));
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && item != null && item.getValue() instanceof GridRow.MoreRow) {
                PagedTreeItem.showMore(item, PagedTreeItem.PAGE_SIZE);
                e.consume();
            }
        });
    }

    /** Declares a column: its header (with tooltip), its cells and what it sorts by. */
    public HeapGrid column(TreeTableColumn<GridRow, GridRow> column, ColumnKind kind) {
        kinds.put(column, kind);
        Label header = new Label(kind.title());
        header.setTooltip(new Tooltip(kind.tooltip()));
        column.setText(null);
        column.setGraphic(header);
        column.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue()));
        column.setCellFactory(c -> cell(kind));
        column.sortTypeProperty().addListener(o -> updateSort());
        if (kind.sortColumn() == defaultSort.column()) {
            column.setSortType(defaultSort.descending() ? TreeTableColumn.SortType.DESCENDING
                    : TreeTableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(column));
        }
        return this;
    }

    private TreeTableCell<GridRow, GridRow> cell(ColumnKind kind) {
        return switch (kind) {
            case OBJECT, CONSTRUCTOR -> new ObjectCell();
            case SHALLOW -> new SizeCell(shallowOf(), () -> total.getAsLong());
            case RETAINED -> new SizeCell(retainedOf(), () -> total.getAsLong());
            case DISTANCE -> new TextCell(row -> GridText.cell(row, kind), row -> null);
            case COUNT -> new TextCell(row -> row instanceof GridRow.ClassRow c ? Sizes.count(c.aggregate().count())
                    : "", row -> null);
            case NEW_COUNT, DELETED_COUNT -> new TextCell(row -> row instanceof GridRow.DiffRow
                    ? Sizes.count(Long.parseLong(GridText.cell(row, kind))) : GridText.cell(row, kind), row -> null);
            case COUNT_DELTA -> new TextCell(row -> row instanceof GridRow.DiffRow d
                    ? Sizes.signed(d.diff().countDelta(), false) : "", row -> null);
            case ALLOC_SIZE, FREED_SIZE -> new TextCell(row -> {
                String bytes = GridText.cell(row, kind);
                return bytes.isEmpty() ? "" : Sizes.human(Long.parseLong(bytes));
            }, row -> {
                String bytes = GridText.cell(row, kind);
                return bytes.isEmpty() ? null : Sizes.exact(Long.parseLong(bytes));
            });
            case SIZE_DELTA -> new TextCell(row -> row instanceof GridRow.DiffRow d
                    ? Sizes.signed(d.diff().sizeDelta(), true) : "", row -> row instanceof GridRow.DiffRow d
                    ? Sizes.exact(d.diff().sizeDelta()) : null);
        };
    }

    private static ToLongFunction<GridRow> shallowOf() {
        return row -> row instanceof GridRow.ClassRow c ? c.aggregate().shallowSize()
                : row instanceof GridRow.NodeItem n ? n.node().shallowSize() : -1;
    }

    private static ToLongFunction<GridRow> retainedOf() {
        return row -> row instanceof GridRow.ClassRow c ? c.aggregate().retainedSize()
                : row instanceof GridRow.NodeItem n ? n.node().retainedSize() : -1;
    }

    /** The heap total the size columns' percentages refer to. */
    public void setTotal(LongSupplier total) {
        this.total = total;
    }

    /** Shows a new tree whose top-level rows are {@code children}; null clears the grid. */
    public void show(Children children) {
        clear();
        if (children == null) {
            return;
        }
        PagedTreeItem root = new PagedTreeItem(this, new GridRow.MessageRow(""), children);
        table.setRoot(root);
        showSortArrow();
        root.setExpanded(true);
    }

    public void clear() {
        if (table.getRoot() instanceof PagedTreeItem old) {
            old.dispose();
        }
        table.setRoot(null);
    }

    public PagedTreeItem root() {
        return table.getRoot() instanceof PagedTreeItem root ? root : null;
    }

    /** Loads the top-level rows again (after the filter or the sort changed), keeping expanded rows expanded. */
    public void reload() {
        PagedTreeItem root = root();
        if (root != null) {
            root.reload();
        }
    }

    /** Puts the header's arrow back on the sorted column (the table drops its sort order when its root changes). */
    private void showSortArrow() {
        if (!table.getSortOrder().isEmpty()) {
            return;
        }
        Sort current = sort.get();
        for (Map.Entry<TreeTableColumn<GridRow, GridRow>, ColumnKind> e : kinds.entrySet()) {
            if (e.getValue().sortColumn() == current.column()) {
                e.getKey().setSortType(current.descending() ? TreeTableColumn.SortType.DESCENDING
                        : TreeTableColumn.SortType.ASCENDING);
                table.getSortOrder().setAll(List.of(e.getKey()));
                return;
            }
        }
    }

    private void updateSort() {
        Sort next = defaultSort;
        if (!table.getSortOrder().isEmpty()) {
            TreeTableColumn<GridRow, ?> first = table.getSortOrder().get(0);
            ColumnKind kind = kinds.get(first);
            if (kind != null) {
                next = new Sort(kind.sortColumn(), first.getSortType() == TreeTableColumn.SortType.DESCENDING);
            }
        }
        if (!next.equals(sort.get())) {
            sort.set(next);
            reload();
        }
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    @Override
    public Background background() {
        return background;
    }

    @Override
    public Sort sort() {
        return sort.get();
    }

    @Override
    public void loaded(PagedTreeItem item) {
        onLoaded.accept(item);
    }

    public void setOnLoaded(Consumer<PagedTreeItem> onLoaded) {
        this.onLoaded = onLoaded;
    }

    public TreeTableView<GridRow> table() {
        return table;
    }

    /** The row's context menu: views add their own items after a separator. */
    public void addMenuItems(MenuItem... items) {
        if (contextMenu.getItems().size() == 2) {
            contextMenu.getItems().add(new SeparatorMenuItem());
        }
        contextMenu.getItems().addAll(items);
    }

    public TreeItem<GridRow> selectedItem() {
        return table.getSelectionModel().getSelectedItem();
    }

    public List<ColumnKind> columnKinds() {
        return new ArrayList<>(kinds.values());
    }

    /** The row's cells as text separated by tabs (exact numbers). */
    public String rowText(TreeItem<GridRow> item) {
        if (item == null || item.getValue() == null) {
            return "";
        }
        List<String> cells = new ArrayList<>();
        for (ColumnKind kind : kinds.values()) {
            cells.add(kind == ColumnKind.CONSTRUCTOR ? GridText.labelWithCount(item.getValue())
                    : GridText.cell(item.getValue(), kind));
        }
        return String.join("\t", cells);
    }

    /** The row and its ancestors, top-level row first, one per line, indented by depth. */
    public String pathText(TreeItem<GridRow> item) {
        List<String> lines = new ArrayList<>();
        for (TreeItem<GridRow> at = item; at != null && at != table.getRoot(); at = at.getParent()) {
            lines.add(0, GridText.labelWithCount(at.getValue()));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append("  ".repeat(i)).append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    private static void copy(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
