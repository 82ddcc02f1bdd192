package heapscope.app.ui.common;

import heapscope.parser.analysis.Distances;
import heapscope.parser.view.EdgeRow;
import heapscope.parser.view.NodeRow;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;

/**
 * The Object/Constructor cell: {@code Name ×count} for a class, {@code edge :: Name @id} for a reference, styled as
 * DevTools does (edge names by type, ids grey, detached DOM nodes and cycles marked), and the "Show next 100 / Show
 * all" links of a partly loaded list.
 */
final class ObjectCell extends TreeTableCell<GridRow, GridRow> {
    /** One tooltip per cell, its text changed with the row (making a Tooltip per update is slow). */
    private final Tooltip tip = new Tooltip();

    ObjectCell() {
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
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
            setGraphic(flow(text(c.aggregate().name(), "class-name"),
                    text("  \u00d7" + Sizes.count(c.aggregate().count()), "instance-count")));
        } else if (row instanceof GridRow.DiffRow d) {
            setGraphic(flow(text(d.diff().name(), "class-name")));
        } else if (row instanceof GridRow.DiffInstance i) {
            HBox flow = line(text(i.added() ? "+ " : "\u2212 ", i.added() ? "diff-new" : "diff-deleted"),
                    text(i.node().name(), "node-name", "type-" + i.node().type().replace(' ', '-')),
                    text(" @" + i.node().idText(), "node-id"));
            setGraphic(flow);
            tooltip(i.added() ? "New: in this snapshot, not in the base"
                    : "Deleted: in the base snapshot, gone from this one");
        } else if (row instanceof GridRow.NodeItem n) {
            setGraphic(nodeFlow(n));
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

    private static HBox nodeFlow(GridRow.NodeItem n) {
        HBox flow = line();
        EdgeRow edge = n.edge();
        if (edge != null) {
            flow.getChildren().addAll(text(edge.edgeLabel(), "edge-name", "edge-" + edge.edgeType()),
                    text(" :: ", "edge-separator"));
        }
        NodeRow node = n.node();
        flow.getChildren().addAll(text(node.name(), "node-name", "type-" + node.type().replace(' ', '-')),
                text(" @" + node.idText(), "node-id"));
        if (node.detached()) {
            flow.getChildren().add(text("  Detached", "badge-detached"));
        }
        if (n.cycle()) {
            flow.getChildren().add(text("  \u21bb cycle", "badge-cycle"));
        }
        if (n.ignored()) {
            flow.getChildren().add(text("  ignored", "badge-ignored"));
        } else if (n.unreachable()) {
            // No root reaches some objects at all (an HPROF dump's garbage, V8 nodes held only weakly); the others
            // lost their way to a root when the user ignored a retainer.
            boolean neverReached = node.distance() == Distances.NO_DISTANCE;
            flow.getChildren().add(text(neverReached ? "  unreachable" : "  unreachable without the ignored retainers",
                    "badge-unreachable"));
        }
        return flow;
    }

    private HBox moreLinks(GridRow.MoreRow more) {
        int remaining = more.total() - more.loaded();
        HBox box = new HBox(10);
        box.getStyleClass().add("more-row");
        Hyperlink next = new Hyperlink("Show next " + Math.min(PagedTreeItem.PAGE_SIZE, remaining));
        next.setOnAction(e -> PagedTreeItem.showMore(getTableRow().getTreeItem(), PagedTreeItem.PAGE_SIZE));
        box.getChildren().add(next);
        if (remaining <= PagedTreeItem.SHOW_ALL_LIMIT && remaining > PagedTreeItem.PAGE_SIZE) {
            Hyperlink all = new Hyperlink("Show all " + Sizes.count(remaining));
            all.setOnAction(e -> PagedTreeItem.showMore(getTableRow().getTreeItem(), remaining));
            box.getChildren().add(all);
        }
        box.getChildren().add(new Label(Sizes.count(remaining) + " more of " + Sizes.count(more.total())));
        return box;
    }

    private static HBox flow(Text... parts) {
        return line(parts);
    }

    /** Texts side by side on one line (a TextFlow would wrap long names onto the next row). */
    private static HBox line(Text... parts) {
        HBox box = new HBox(parts);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setMinWidth(0);
        return box;
    }

    private static Text text(String value, String... styles) {
        Text t = new Text(value);
        t.getStyleClass().addAll(styles);
        return t;
    }
}
