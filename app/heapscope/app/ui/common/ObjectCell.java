package heapscope.app.ui.common;

import heapscope.parser.analysis.Distances;
import heapscope.parser.view.EdgeRow;
import heapscope.parser.view.NodeRow;
import heapscope.parser.view.Units;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The Object/Constructor cell: {@code Name ×count} for a class (the count in a column of its own for Java dumps),
 * {@code edge :: Name @id} for a reference and {@code edge in Name @id} for a retainer, styled as DevTools does (edge
 * names by type, ids grey, detached DOM nodes and cycles marked), and the "Show next 100 / Show all" links of a partly
 * loaded list. Names that do not fit end with an ellipsis while the {@code @id} stays in view; the tooltip has them
 * whole.
 */
final class ObjectCell extends TreeTableCell<GridRow, GridRow> {
    /** Edge names up to this many characters never shrink; longer ones (a V8 string key) may. */
    private static final int WHOLE_EDGE_NAME = 40;

    private final HeapGrid grid;
    /** One tooltip per cell, its text changed with the row (making a Tooltip per update is slow). */
    private final Tooltip tip = new Tooltip();

    ObjectCell(HeapGrid grid) {
        this.grid = grid;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        tip.setWrapText(true);
        tip.setMaxWidth(720);
    }

    private void tooltip(String text) {
        tip.setText(text);
        setTooltip(tip);
    }

    @Override
    protected void updateItem(GridRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("cycle-row", "message-row", "ignored-row", "unreachable-row");
        setTooltip(null);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        setText(GridText.labelWithCount(row));
        if (row instanceof GridRow.ClassRow c) {
            HBox line = line(name(c.aggregate().name(), "class-name"));
            if (!grid.vocabulary().countColumn()) {
                line.getChildren().add(text("  \u00d7" + Units.count(c.aggregate().count()), "instance-count"));
            }
            setGraphic(line);
            tooltip(c.aggregate().name() + "\n" + Units.count(c.aggregate().count()) + " objects");
        } else if (row instanceof GridRow.DiffRow d) {
            setGraphic(line(name(d.diff().name(), "class-name")));
            tooltip(d.diff().name());
        } else if (row instanceof GridRow.DiffInstance i) {
            setGraphic(line(text(i.added() ? "+ " : "\u2212 ", i.added() ? "diff-new" : "diff-deleted"),
                    name(i.node().name(), "node-name", typeStyle(i.node())), text(" @" + i.node().idText(), "node-id")));
            tooltip(i.node().label() + "\n" + (i.added() ? "New: in this snapshot, not in the base"
                    : "Deleted: in the base snapshot, gone from this one"));
        } else if (row instanceof GridRow.NodeItem n) {
            setGraphic(nodeLine(n));
            if (n.cycle()) {
                getStyleClass().add("cycle-row");
            }
            if (n.ignored()) {
                getStyleClass().add("ignored-row");
            } else if (n.unreachable()) {
                getStyleClass().add("unreachable-row");
            }
            tooltip(n.label() + "\n" + n.node().type() + ", class " + n.node().className());
        } else if (row instanceof GridRow.MoreRow more) {
            setGraphic(moreLinks(more));
        } else {
            getStyleClass().add("message-row");
            setGraphic(new Label(row.label()));
        }
    }

    private static HBox nodeLine(GridRow.NodeItem n) {
        HBox line = line();
        EdgeRow edge = n.edge();
        if (edge != null) {
            Label edgeName = name(edge.edgeLabel(), "edge-name", "edge-" + edge.edgeType());
            if (edge.edgeLabel().length() <= WHOLE_EDGE_NAME) {
                // A field or an index stays whole; the object's name (often a long class name) gives way first.
                edgeName.setMinWidth(Region.USE_PREF_SIZE);
            }
            line.getChildren().addAll(edgeName, text(edge.separator(), "edge-separator"));
        }
        NodeRow node = n.node();
        line.getChildren().add(name(node.name(), "node-name", typeStyle(node)));
        if (node.hasId()) {
            line.getChildren().add(text(" @" + node.idText(), "node-id"));
        }
        if (node.detached()) {
            line.getChildren().add(text("  Detached", "badge-detached"));
        }
        if (n.cycle()) {
            line.getChildren().add(text("  \u21bb cycle", "badge-cycle"));
        }
        if (n.ignored()) {
            line.getChildren().add(text("  ignored", "badge-ignored"));
        } else if (n.unreachable()) {
            // No root reaches some objects at all (an HPROF dump's garbage, V8 nodes held only weakly); the others
            // lost their way to a root when the user ignored a retainer.
            boolean neverReached = node.distance() == Distances.NO_DISTANCE;
            line.getChildren().add(text(neverReached ? "  unreachable" : "  unreachable without the ignored retainers",
                    "badge-unreachable"));
        }
        return line;
    }

    private static String typeStyle(NodeRow node) {
        return "type-" + node.type().replace(' ', '-');
    }

    private HBox moreLinks(GridRow.MoreRow more) {
        int remaining = more.total() - more.loaded();
        HBox box = new HBox(10);
        box.getStyleClass().add("more-row");
        Hyperlink next = new Hyperlink("Show next " + Math.min(PagedTreeItem.PAGE_SIZE, remaining));
        next.setOnAction(e -> PagedTreeItem.showMore(getTableRow().getTreeItem(), PagedTreeItem.PAGE_SIZE));
        box.getChildren().add(next);
        if (remaining > PagedTreeItem.PAGE_SIZE) {
            Hyperlink all = new Hyperlink("Show all " + Units.count(remaining));
            all.setOnAction(e -> PagedTreeItem.showMore(getTableRow().getTreeItem(), remaining));
            box.getChildren().add(all);
        }
        box.getChildren().add(new Label(Units.count(remaining) + " more of " + Units.count(more.total())));
        return box;
    }

    /**
     * Parts side by side on one line, as wide as the cell: the names shrink (with an ellipsis) before the ids and
     * badges, which always show.
     */
    private static HBox line(Node... parts) {
        HBox box = new HBox(parts);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(0);
        return box;
    }

    /** A name that gives way when the cell is narrow. */
    private static Label name(String value, String... styles) {
        Label label = new Label(value);
        label.getStyleClass().add("cell-name");
        label.getStyleClass().addAll(styles);
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        return label;
    }

    private static Text text(String value, String... styles) {
        Text t = new Text(value);
        t.getStyleClass().addAll(styles);
        return t;
    }
}
