package heapscope.app.ui.common;

import heapscope.parser.progress.CanceledException;
import heapscope.parser.view.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.TreeItem;

/**
 * A grid row whose children load in the background when it is first expanded, a page at a time ("Show next 100"), so
 * no list becomes millions of tree items unless the user asks for them ("Show all", loaded in chunks that each
 * arrive on their own, so the window keeps answering and Cancel stops it). Re-sorting reloads the loaded pages and
 * re-expands the rows that were expanded. A row can be opened as far as one of its children by that child's key
 * ({@link #revealChild}). Use on the JavaFX thread.
 */
public final class PagedTreeItem extends TreeItem<GridRow> {
    /** Rows per page. */
    public static final int PAGE_SIZE = 100;
    /** Rows loaded by one background step of a longer load ("Show all"). */
    private static final int CHUNK = 2_000;

    /** What the items of one grid share. */
    public interface Context {
        Background background();

        heapscope.parser.view.Sort sort();

        /** Called after an item's children arrived (e.g. to auto-expand the first retainer). */
        default void loaded(PagedTreeItem item) {
        }

        default void failed(PagedTreeItem item, Throwable error) {
        }
    }

    private final Context context;
    /** Null for a leaf, and after {@link #dispose()} (the children's closures hold the heap). */
    private Children children;
    private Children.Rows rows;
    private int loaded;
    private Job job;
    /** Keys of expanded children (with their own state) to restore after a reload. */
    private Map<String, Expansion> restore = Map.of();
    /** What to do once the rows asked for have arrived. */
    private final List<Runnable> whenLoaded = new ArrayList<>();

    private record Expansion(Map<String, Expansion> children) {
    }

    public PagedTreeItem(Context context, GridRow row, Children children) {
        super(row);
        this.context = context;
        this.children = children;
        expandedProperty().addListener((obs, was, is) -> {
            if (is && rows == null && job == null && this.children != null) {
                load(PAGE_SIZE);
            }
        });
    }

    @Override
    public boolean isLeaf() {
        return children == null && rows == null;
    }

    /** How many rows the full list of children has (known once the first page arrived), else -1. */
    public int childCount() {
        return rows == null ? -1 : rows.size();
    }

    public boolean isLoading() {
        return job != null;
    }

    /** Loads the next {@code count} rows, {@link #CHUNK} at a time. */
    public void showMore(int count) {
        showMore(count, null);
    }

    private void showMore(int count, Runnable then) {
        if (then != null) {
            whenLoaded.add(then);
        }
        if (rows == null || job != null) {
            return;
        }
        Children.Rows source = rows;
        int begin = loaded;
        int step = Math.min(count, CHUNK);
        int left = count - step;
        String title = count > CHUNK ? "Loading rows\u2026 " + Units.count(begin) + " of " + Units.count(rows.size())
                : "Loading rows\u2026";
        job = context.background().query(title, j -> source.page(begin, step), page -> {
            job = null;
            List<TreeItem<GridRow>> items = getChildren();
            if (!items.isEmpty() && items.get(items.size() - 1).getValue() instanceof GridRow.MoreRow) {
                items.remove(items.size() - 1);
            }
            items.addAll(toItems(page));
            loaded += page.size();
            addMoreRow();
            if (left > 0 && loaded < source.size() && !page.isEmpty()) {
                showMore(left, null);
            } else {
                runWhenLoaded();
            }
        }, error -> {
            job = null;
            whenLoaded.clear();
        });
    }

    /** Runs {@code action} once this row's rows are loaded (starting the load if it has not started). */
    private void afterLoad(Runnable action) {
        if (children == null && rows == null) {
            action.run();
            return;
        }
        if (rows != null && job == null) {
            action.run();
            return;
        }
        whenLoaded.add(action);
        if (job == null) {
            setExpanded(true);
        }
    }

    private void runWhenLoaded() {
        List<Runnable> actions = new ArrayList<>(whenLoaded);
        whenLoaded.clear();
        actions.forEach(Runnable::run);
    }

    /**
     * Opens this row's list as far as the child with {@code key} (loading the pages before it) and hands that child
     * to {@code found}, or null when the list has no such child.
     */
    public void revealChild(String key, Consumer<TreeItem<GridRow>> found) {
        afterLoad(() -> {
            TreeItem<GridRow> item = loadedChild(key);
            Children.Rows source = rows;
            if (item != null || source == null) {
                found.accept(item);
                return;
            }
            context.background().query("Finding the row\u2026", j -> source.indexOf(key), position -> {
                if (position < 0 || rows != source) {
                    found.accept(null);
                } else {
                    showMore(position + 1 - loaded, () -> found.accept(loadedChild(key)));
                }
            }, error -> found.accept(null));
        });
    }

    private TreeItem<GridRow> loadedChild(String key) {
        for (TreeItem<GridRow> child : getChildren()) {
            if (child.getValue() != null && child.getValue().key().equals(key)) {
                return child;
            }
        }
        return null;
    }

    /** Sorts again (the context's sort has changed): reloads as many rows as were loaded and keeps expansions. */
    public void reload() {
        if (job != null) {
            job.cancel();
            job = null;
        } else if (rows == null) {
            return;
        }
        restore = expansionOf(this);
        int count = Math.max(PAGE_SIZE, loaded);
        rows = null;
        loaded = 0;
        load(count);
    }

    private static Map<String, Expansion> expansionOf(TreeItem<GridRow> item) {
        Map<String, Expansion> state = new HashMap<>();
        for (TreeItem<GridRow> child : item.getChildren()) {
            if (child.isExpanded() && child.getValue() != null) {
                state.put(child.getValue().key(), new Expansion(expansionOf(child)));
            }
        }
        return state;
    }

    private void load(int count) {
        if (children == null) {
            return;
        }
        getChildren().setAll(List.of(new TreeItem<>(new GridRow.MessageRow("Loading\u2026"))));
        Supplier<heapscope.parser.view.Sort> sort = context::sort;
        heapscope.parser.view.Sort current = sort.get();
        job = context.background().query("Sorting\u2026", j -> {
            Children.Rows opened = children.open(current, j);
            return new Loaded(opened, opened.page(0, count));
        }, result -> {
            job = null;
            rows = result.rows;
            loaded = result.page.size();
            List<TreeItem<GridRow>> items = toItems(result.page);
            getChildren().setAll(items);
            addMoreRow();
            Map<String, Expansion> state = restore;
            restore = Map.of();
            for (TreeItem<GridRow> item : items) {
                Expansion e = state.get(item.getValue().key());
                if (e != null && item instanceof PagedTreeItem paged) {
                    paged.restore = e.children();
                    paged.setExpanded(true);
                }
            }
            context.loaded(this);
            runWhenLoaded();
        }, error -> {
            job = null;
            whenLoaded.clear();
            if (error instanceof CanceledException) {
                // Canceled from the status bar: a row can be expanded again to retry; the top level says so.
                if (getParent() == null) {
                    getChildren().setAll(List.of(new TreeItem<>(new GridRow.MessageRow(
                            "Canceled. Choose the snapshot or the filter again to list the rows."))));
                } else {
                    getChildren().clear();
                    setExpanded(false);
                }
                return;
            }
            getChildren().setAll(List.of(new TreeItem<>(new GridRow.MessageRow("Could not list: "
                    + error.getMessage()))));
            context.failed(this, error);
        });
    }

    private record Loaded(Children.Rows rows, List<Children.Child> page) {
    }

    private List<TreeItem<GridRow>> toItems(List<Children.Child> page) {
        List<TreeItem<GridRow>> items = new ArrayList<>(page.size());
        for (Children.Child child : page) {
            items.add(new PagedTreeItem(context, child.row(), child.children()));
        }
        return items;
    }

    private void addMoreRow() {
        if (rows != null && loaded < rows.size()) {
            getChildren().add(new TreeItem<>(new GridRow.MoreRow(loaded, rows.size())));
        } else if (rows != null && rows.size() == 0) {
            getChildren().setAll(List.of(new TreeItem<>(new GridRow.MessageRow("(none)"))));
        }
    }

    /** For a "more" row's cell: the item whose list it continues. */
    public static void showMore(TreeItem<GridRow> moreRow, int count) {
        if (moreRow.getParent() instanceof PagedTreeItem parent) {
            parent.showMore(count);
        }
    }

    /** Cancels loading and releases the rows of this item and its descendants (when the grid is cleared). */
    public void dispose() {
        if (job != null) {
            job.cancel();
            job = null;
        }
        rows = null;
        children = null;
        restore = Map.of();
        whenLoaded.clear();
        for (TreeItem<GridRow> child : getChildren()) {
            if (child instanceof PagedTreeItem paged) {
                paged.dispose();
            }
        }
    }
}
