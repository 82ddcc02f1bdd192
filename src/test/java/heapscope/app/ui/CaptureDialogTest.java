package heapscope.app.ui;

import static heapscope.app.ui.UiTesting.onFx;
import static heapscope.app.ui.UiTesting.topRows;
import static heapscope.app.ui.UiTesting.waitSettled;
import static heapscope.app.ui.UiTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.app.capture.CaptureTarget;
import heapscope.app.ui.common.Background;
import heapscope.app.ui.common.GridRow;
import heapscope.app.ui.capture.CaptureViewModel;
import heapscope.app.ui.leaks.LeaksView;
import heapscope.app.ui.main.MainWindowView;
import heapscope.app.ui.main.ViewKind;
import heapscope.app.ui.snapshot.RecentFiles;
import heapscope.app.ui.snapshot.Snapshot;
import heapscope.parser.model.ClassAggregate;
import heapscope.parser.model.LeakSuspect;
import heapscope.testing.LiveTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Take snapshot… driven headless (Monocle) as a user does it, on real running programs: the 3-snapshot
 * method on a Node.js program that leaks behind a closure (Snapshot 3 shown with "Objects allocated between Snapshot 1
 * and Snapshot 2", the leaking class on top, exactly the objects made between the two), and three single snapshots of
 * a Java program whose static map grows (the Leaks view names it first). The user's action between two snapshots is
 * the program handling requests.
 */
@ExtendWith(ApplicationExtension.class)
class CaptureDialogTest {
    private static final String BETWEEN_1_AND_2 = "Objects allocated between Snapshot 1 and Snapshot 2";
    private MainWindowView window;
    private Background background;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        background = new Background();
        RecentFiles recent = new RecentFiles(Preferences.userRoot().node("heapscope-test"));
        recent.clear();
        window = HeapscopeApp.createWindow(stage, background, recent, 1200, 800);
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void stop() {
        background.shutdown();
    }

    @Test
    void theThreeSnapshotMethodOnANodeProgramShowsWhatLeakedBetweenSnapshot1And2(FxRobot robot) {
        try (LiveTarget node = LiveTarget.node(List.of("--inspect=127.0.0.1:0"))) {
            TreeTableView<GridRow> summary = threeSnapshotMethod(robot, node);
            assertFilesInOrder("node-" + node.pid() + "-growing-closure.js-", ".heapsnapshot");
            ClassAggregate top = ((GridRow.ClassRow) topRows(summary).get(0)).aggregate();
            assertEquals(LiveTarget.LEAKY_NODE_CLASS, top.name());
            assertEquals(300, top.count(), "exactly the records made between Snapshot 1 and Snapshot 2");
            assertTrue(robot.lookup("#hint").queryLabeled().getText().startsWith("The 3-snapshot method: Snapshot 3"));
        }
    }

    @Test
    void theThreeSnapshotMethodOnAJavaProgramShowsTheSessionsMadeBetweenSnapshot1And2(FxRobot robot) {
        try (LiveTarget jvm = LiveTarget.jvm(List.of("-Xmx256m"))) {
            TreeTableView<GridRow> summary = threeSnapshotMethod(robot, jvm);
            assertFilesInOrder("jvm-" + jvm.pid() + "-GrowingSessionsService-", ".hprof");
            long sessions = topRows(summary).stream().map(row -> ((GridRow.ClassRow) row).aggregate())
                    .filter(c -> c.name().equals(LiveTarget.LEAKY_JAVA_CLASS)).mapToLong(ClassAggregate::count)
                    .sum();
            assertEquals(300, sessions, "exactly the sessions made between Snapshot 1 and Snapshot 2, matched"
                    + " object by object across the dumps");
        }
    }

    /**
     * The 3-snapshot method as a user runs it on a program that has handled 50 requests: snapshot 1, 300 requests
     * (the suspect action), snapshot 2, 200 more (the same action again), snapshot 3; returns the Summary grid once
     * Snapshot 3 is shown with the filter "Objects allocated between Snapshot 1 and Snapshot 2".
     */
    @SuppressWarnings("unchecked")
    private TreeTableView<GridRow> threeSnapshotMethod(FxRobot robot, LiveTarget target) {
        target.grow(50);
        CaptureViewModel capture = openDialogOn(robot, target.pid());
        robot.clickOn("#capture-method");
        waitUntil("snapshot 1 is taken", () -> capture.awaitingActionProperty().get());
        assertEquals("Take snapshot 2", robot.lookup("#capture-continue").queryButton().getText());
        target.grow(300);
        robot.clickOn("#capture-continue");
        waitUntil("snapshot 2 is taken", () -> capture.awaitingActionProperty().get()
                && window.viewModel().snapshots().size() == 2);
        target.grow(200);
        robot.clickOn("#capture-continue");
        waitUntil("Snapshot 3 is shown with the filter", () -> window.viewModel().snapshots().size() == 3
                && window.viewModel().snapshots().stream().allMatch(Snapshot::isReady)
                && window.viewModel().filterOptionProperty().get().label().equals(BETWEEN_1_AND_2)
                && window.viewModel().selected() == window.viewModel().snapshots().get(2));
        waitSettled(window);
        return robot.lookup("#summary-grid").queryAs(TreeTableView.class);
    }

    @Test
    void takeSnapshotAddsEachDumpOfAJavaProgramAndTheLeaksViewNamesTheStaticMap(FxRobot robot) {
        try (LiveTarget jvm = LiveTarget.jvm(List.of("-Xmx256m"))) {
            CaptureViewModel capture = openDialogOn(robot, jvm.pid());
            for (int n = 1; n <= 3; n++) {
                int taken = n;
                robot.clickOn("#capture-take");
                waitUntil("snapshot " + n + " is taken", () -> !capture.capturingProperty().get()
                        && window.viewModel().snapshots().size() == taken);
                assertTrue(capture.statusProperty().get().startsWith("Snapshot " + n + " taken: jvm-" + jvm.pid()),
                        capture.statusProperty().get());
                jvm.grow(400);
            }
            assertFilesInOrder("jvm-" + jvm.pid() + "-GrowingSessionsService-", ".hprof");
            waitUntil("the three dumps are loaded", () -> window.viewModel().snapshots().stream()
                    .allMatch(Snapshot::isReady));
            onFx(() -> window.viewModel().viewProperty().set(ViewKind.LEAKS));
            LeaksView leaks = (LeaksView) window.view(ViewKind.LEAKS);
            waitUntil("the leak report is shown", () -> !leaks.shownSuspects().isEmpty());
            LeakSuspect first = onFx(() -> leaks.shownSuspects().get(0));
            assertEquals("GrowingSessionsService.SESSIONS", first.name());
            assertEquals(LiveTarget.LEAKY_JAVA_CLASS, first.held().get(0).className());
            long[] counts = first.held().get(0).countBySnapshot();
            assertEquals(400, counts[1] - counts[0]);
        }
    }

    @Test
    void cancelStopsASnapshotAndLeavesNoFile(FxRobot robot) {
        try (LiveTarget node = LiveTarget.node(List.of("--inspect=127.0.0.1:0"), "--ballast", "100000")) {
            CaptureViewModel capture = openDialogOn(robot, node.pid());
            robot.clickOn("#capture-take");
            waitUntil("the snapshot is under way", () -> capture.statusProperty().get().startsWith("Taking"));
            robot.clickOn("#capture-cancel");
            waitUntil("the capture ended", () -> !capture.capturingProperty().get());
            assertEquals("Canceled: no file was left behind.", capture.statusProperty().get());
            assertEquals(List.of(), files());
            assertTrue(onFx(() -> window.viewModel().snapshots().isEmpty()));
        }
    }

    /** File ▸ Take snapshot…, the target with this pid selected, snapshots going to the test's folder. */
    private CaptureViewModel openDialogOn(FxRobot robot, long pid) {
        robot.clickOn("File").clickOn("Take snapshot\u2026");
        waitUntil("the dialog lists the target", () -> window.captureView() != null && window.captureView()
                .viewModel().targets().stream().anyMatch(t -> t.pid() == pid && t.problem() == null
                        && (t.kind().equals("jvm") || ((heapscope.app.capture.InspectorTarget) t).isOpen())));
        CaptureViewModel capture = window.captureView().viewModel();
        TableView<CaptureTarget> table = robot.lookup("#capture-targets").queryTableView();
        onFx(() -> table.getSelectionModel().select(capture.targets().stream().filter(t -> t.pid() == pid)
                .findFirst().orElseThrow()));
        robot.doubleClickOn("#capture-folder").write(folder.toString());
        onFx(() -> capture.folderProperty().set(folder.toString()));
        return capture;
    }

    private void assertFilesInOrder(String prefix, String extension) {
        List<Path> files = files();
        assertEquals(3, files.size(), files.toString());
        List<Snapshot> series = onFx(() -> List.copyOf(window.viewModel().snapshots()));
        for (int i = 0; i < 3; i++) {
            String name = files.get(i).getFileName().toString();
            assertTrue(name.startsWith(prefix) && name.endsWith(String.format("-%02d%s", i + 1, extension)), name);
            assertEquals(files.get(i), series.get(i).file(), "Snapshot " + (i + 1) + " is the file taken " + (i + 1));
        }
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
