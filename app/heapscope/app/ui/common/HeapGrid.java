package heapscope.app.ui.common;

import heapscope.parser.view.Sort;
import heapscope.parser.view.Units;
import java.util.ArrayList;
import java.util.EnumMap;
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
    private final Map<ColumnKind, Label> headers = new EnumMap<>(ColumnKind.class);
    private final ContextMenu contextMenu = new ContextMenu();
    private LongSupplier total = () -> 0;
    private Vocabulary vocabulary = Vocabulary.DEVTOOLS;
    /** Set while the grid replaces its tree: the table then forgets its sort order, which is not the user's doing. */
    private boolean replacingRoot;
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
        table.getSortOrder().addListener((ListChangeListener<TreeTableColumn<GridRow, ?>>) c -> {
            if (!replacingRoot) {
                updateSort();
            }
        });
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
        Label header = new Label(vocabulary.title(kind));
        header.setTooltip(new Tooltip(vocabulary.tooltip(kind)));
        headers.put(kind, header);
        column.setText(null);
        column.setGraphic(header);
        column.setVisible(kind != ColumnKind.COUNT || vocabulary.countColumn());
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
            case OBJECT, CONSTRUCTOR -> new ObjectCell(this);
            case SHALLOW -> new SizeCell(this, shallowOf());
            case RETAINED -> new SizeCell(this, retainedOf());
            case DISTANCE -> new TextCell(row -> GridText.cell(row, kind), row -> null);
            case COUNT -> new TextCell(row -> row instanceof GridRow.ClassRow c ? Units.count(c.aggregate().count())
                    : "", row -> null);
            case NEW_COUNT, DELETED_COUNT -> new TextCell(row -> row instanceof GridRow.DiffRow
                    ? Units.count(Long.parseLong(GridText.cell(row, kind))) : GridText.cell(row, kind), row -> null);
            case COUNT_DELTA -> new TextCell(row -> row instanceof GridRow.DiffRow d
                    ? Units.signedCount(d.diff().countDelta()) : "", row -> null);
            case ALLOC_SIZE, FREED_SIZE -> new TextCell(row -> {
                String bytes = GridText.cell(row, kind);
                if (bytes.isEmpty()) {
                    return "";
                }
                // DevTools writes a class's sizes in the unit that fits and an instance's in kB.
                long value = Long.parseLong(bytes);
                return row instanceof GridRow.DiffRow ? vocabulary.fittedSize(value) : vocabulary.size(value);
            }, row -> {
                String bytes = GridText.cell(row, kind);
                return bytes.isEmpty() ? null : Vocabulary.sizeTooltip(Long.parseLong(bytes));
            });
            case SIZE_DELTA -> new TextCell(row -> row instanceof GridRow.DiffRow d
                    ? vocabulary.sizeDelta(d.diff().sizeDelta()) : "", row -> row instanceof GridRow.DiffRow d
                    ? Units.exactBytes(d.diff().sizeDelta()) : null);
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

    /** The words and units of the shown file's world; changing them re-titles the columns and redraws the cells. */
    public void setVocabulary(Vocabulary vocabulary) {
        if (vocabulary == this.vocabulary) {
            return;
        }
        this.vocabulary = vocabulary;
        for (Map.Entry<TreeTableColumn<GridRow, GridRow>, ColumnKind> e : kinds.entrySet()) {
            ColumnKind kind = e.getValue();
            headers.get(kind).setText(vocabulary.title(kind));
            headers.get(kind).getTooltip().setText(vocabulary.tooltip(kind));
            e.getKey().setVisible(kind != ColumnKind.COUNT || vocabulary.countColumn());
        }
        table.refresh();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The heap total the size columns' percentages refer to. */
    long total() {
        return total.getAsLong();
    }

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
        setRoot(root);
        showSortArrow();
        root.setExpanded(true);
    }

    public void clear() {
        if (table.getRoot() instanceof PagedTreeItem old) {
            old.dispose();
        }
        setRoot(null);
    }

    private void setRoot(TreeItem<GridRow> root) {
        replacingRoot = true;
        try {
            table.setRoot(root);
        } finally {
            replacingRoot = false;
        }
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

    /**
     * Opens the rows down to the row named by the last of {@code keys} (each key a row under the one before, the
     * first a top-level row), loading pages as needed, then selects that row and scrolls to it. {@code done} hears
     * whether the row was found.
     */
    public void reveal(List<String> keys, Consumer<Boolean> done) {
        PagedTreeItem root = root();
        if (root == null || keys.isEmpty()) {
            done.accept(false);
            return;
        }
        revealFrom(root, keys, 0, done);
    }

    private void revealFrom(PagedTreeItem parent, List<String> keys, int index, Consumer<Boolean> done) {
        parent.revealChild(keys.get(index), item -> {
            if (item == null || table.getRoot() == null) {
                done.accept(false);
            } else if (index == keys.size() - 1) {
                table.getSelectionModel().select(item);
                table.scrollTo(Math.max(0, table.getRow(item) - 3));
                done.accept(true);
            } else if (item instanceof PagedTreeItem paged) {
                revealFrom(paged, keys, index + 1, done);
            } else {
                done.accept(false);
            }
        });
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

    /** The row's cells as text separated by tabs (exact numbers), the count included. */
    public String rowText(TreeItem<GridRow> item) {
        if (item == null || item.getValue() == null) {
            return "";
        }
        List<String> cells = new ArrayList<>();
        for (ColumnKind kind : exportedColumns()) {
            cells.add(GridText.cell(item.getValue(), kind));
        }
        return String.join("\t", cells);
    }

    /**
     * The columns a copy or an export writes: the grid's, with the count as a column of its own where the grid shows
     * it beside the name (DevTools' Constructor ×count).
     */
    public List<ColumnKind> exportedColumns() {
        List<ColumnKind> columns = new ArrayList<>();
        for (ColumnKind kind : kinds.values()) {
            if (kind != ColumnKind.COUNT) {
                columns.add(kind);
            }
            if (kind == ColumnKind.CONSTRUCTOR) {
                columns.add(ColumnKind.COUNT);
            }
        }
        return columns;
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
