package heapscope.app.ui.snapshot;

import heapscope.app.ui.common.Background;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The snapshots open in the window (the sidebar's list), in series order: "Snapshot 1" is the first. Files opened
 * together are ordered by their modification time (the order they were taken in); the user can move a snapshot up or
 * down, which renumbers the series. (The engine's view of a series, for the leak report, is
 * {@link heapscope.parser.analysis.SnapshotSeries}.) Use on the JavaFX thread.
 */
public final class OpenSnapshots {
    /** The bundled demo: three snapshots of a Node program that leaks. */
    public static final List<String> DEMO = List.of("leak-1.heapsnapshot.gz", "leak-2.heapsnapshot.gz",
            "leak-3.heapsnapshot.gz");

    private final ObservableList<Snapshot> snapshots = FXCollections.observableArrayList(
            s -> new javafx.beans.Observable[] {s.stateProperty()});
    private final Background background;
    private final Consumer<Snapshot> onLoaded;
    private final BiConsumer<Snapshot, Throwable> onFailed;

    public OpenSnapshots(Background background, Consumer<Snapshot> onLoaded,
            BiConsumer<Snapshot, Throwable> onFailed) {
        this.background = background;
        this.onLoaded = onLoaded;
        this.onFailed = onFailed;
    }

    /** The series; its list changes also report a snapshot's state changes. */
    public ObservableList<Snapshot> snapshots() {
        return snapshots;
    }

    /** Adds the files in the order they were taken (oldest first) and starts loading them. */
    public List<Snapshot> open(List<Path> files) {
        List<Snapshot> added = new ArrayList<>();
        for (Path file : files) {
            added.add(snapshotOf(file, file.getFileName().toString()));
        }
        added.sort(Comparator.comparingLong(Snapshot::modifiedMillis));
        addAndLoad(added);
        return added;
    }

    /** Adds files in exactly this order (the demo, command-line arguments). */
    public List<Snapshot> openInOrder(List<Path> files, List<String> names) {
        List<Snapshot> added = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            added.add(snapshotOf(files.get(i), names.get(i)));
        }
        addAndLoad(added);
        return added;
    }

    private void addAndLoad(List<Snapshot> added) {
        snapshots.addAll(added);
        renumber();
        for (Snapshot s : added) {
            SnapshotLoading.start(s, background, onLoaded, onFailed);
        }
    }

    private static Snapshot snapshotOf(Path file, String name) {
        long size = -1;
        long modified = 0;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            // The loader names the problem; the sidebar shows no size.
        }
        return new Snapshot(file, name, size, modified);
    }

    /** Removes a snapshot (canceling its load) and lets its heap go. */
    public void close(Snapshot snapshot) {
        snapshot.close();
        snapshots.remove(snapshot);
        renumber();
    }

    /** Moves a snapshot one place earlier (-1) or later (+1) in the series. */
    public void move(Snapshot snapshot, int delta) {
        int from = snapshots.indexOf(snapshot);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= snapshots.size()) {
            return;
        }
        // One change, so that listeners never see the series without the moved snapshot.
        List<Snapshot> reordered = new ArrayList<>(snapshots);
        reordered.remove(from);
        reordered.add(to, snapshot);
        snapshots.setAll(reordered);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < snapshots.size(); i++) {
            snapshots.get(i).numberProperty().set(i + 1);
        }
    }

    /** The ready snapshots, in series order. */
    public List<Snapshot> ready() {
        return snapshots.stream().filter(Snapshot::isReady).toList();
    }

    /** Copies the bundled demo series out of the jar into a temporary folder (the loader reads files). */
    public static List<Path> extractDemo() throws IOException {
        Path dir = Files.createTempDirectory("heapscope-demo");
        dir.toFile().deleteOnExit();
        List<Path> files = new ArrayList<>();
        for (String name : DEMO) {
            Path target = dir.resolve(name);
            try (InputStream in = OpenSnapshots.class.getResourceAsStream("/demo/" + name)) {
                if (in == null) {
                    throw new IOException("the demo snapshot " + name + " is missing from the app");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            target.toFile().deleteOnExit();
            files.add(target);
        }
        return files;
    }
}
