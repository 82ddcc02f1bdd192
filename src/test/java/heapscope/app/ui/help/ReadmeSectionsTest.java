package heapscope.app.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every Help menu item opens a section the README has: editing the README cannot leave the menu pointing nowhere. */
class ReadmeSectionsTest {
    @Test
    void everyHelpItemNamesASectionOfTheReadme() throws Exception {
        String fxml = Files.readString(Path.of("src/main/resources/fxml/MainWindow.fxml"));
        Matcher item = Pattern.compile("onAction=\"#showHelp\" userData=\"([^\"]+)\"").matcher(fxml);
        List<String> sections = item.results().map(m -> m.group(1)).toList();
        assertEquals(List.of("Keyboard shortcuts", "Desktop app", "Java heap dumps (`.hprof`)", "Command line"),
                sections);
        for (String section : sections) {
            assertFalse(ReadmeSections.section(section).isBlank(), section);
        }
        // A section runs to the next heading of its level: the views include their shortcuts, not the install notes.
        String views = ReadmeSections.section("Desktop app");
        assertTrue(views.contains("### Keyboard shortcuts"));
        assertFalse(views.contains("## Install"));
        assertThrows(IllegalStateException.class, () -> ReadmeSections.section("No such section"));
    }
}
