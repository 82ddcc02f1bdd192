package heapscope.app.ui.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The ten files opened last, newest first, kept in the user's preferences. */
public final class RecentFiles {
    private static final int MAX = 10;
    private static final String KEY = "recentFiles";
    private final Preferences preferences;

    public RecentFiles(Preferences preferences) {
        this.preferences = preferences;
    }

    public List<Path> list() {
        List<Path> result = new ArrayList<>();
        for (String line : preferences.get(KEY, "").split("\n")) {
            if (!line.isBlank()) {
                Path path = Path.of(line);
                if (Files.exists(path)) {
                    result.add(path);
                }
            }
        }
        return result;
    }

    public void add(Path file) {
        List<Path> list = new ArrayList<>(list());
        Path absolute = file.toAbsolutePath().normalize();
        list.remove(absolute);
        list.add(0, absolute);
        List<String> lines = list.stream().limit(MAX).map(Path::toString).toList();
        preferences.put(KEY, String.join("\n", lines));
    }

    public void clear() {
        preferences.remove(KEY);
    }
}
