package heapscope.app.ui.main;

import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.view.NodeRow;

/** The object the user selected in some view: the Retainers pane shows its retainers in its snapshot. */
public record NodeSelection(Snapshot snapshot, NodeRow node) {
}
