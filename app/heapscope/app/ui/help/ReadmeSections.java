package heapscope.app.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The README, bundled in the app, cut into its sections for the Help menu: one text serves the repository's front
 * page and the app. Markdown is shown as written, with the table pipes and code fences left as they are.
 */
public final class ReadmeSections {
    private static final String RESOURCE = "/help/README.md";

    private ReadmeSections() {
    }

    /** The section under the heading {@code heading} (any level), up to the next heading of that level or higher. */
    public static String section(String heading) {
        String readme = readme();
        String[] lines = readme.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int level = 0;
        for (String line : lines) {
            int hashes = headingLevel(line);
            if (level == 0) {
                if (hashes > 0 && line.substring(hashes).strip().equals(heading)) {
                    level = hashes;
                }
                continue;
            }
            if (hashes > 0 && hashes <= level) {
                break;
            }
            out.append(line).append('\n');
        }
        if (level == 0) {
            throw new IllegalStateException("the README has no section \"" + heading + "\"");
        }
        return out.toString().strip();
    }

    private static int headingLevel(String line) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes > 0 && hashes < line.length() && line.charAt(hashes) == ' ' ? hashes : 0;
    }

    private static String readme() {
        try (InputStream in = ReadmeSections.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the README is missing from the app");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
