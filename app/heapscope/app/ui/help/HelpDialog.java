package heapscope.app.ui.help;

import heapscope.app.ui.common.DialogService;
import javafx.scene.control.TextArea;

/**
 * Help ▸ Keyboard shortcuts, Views, Command line, Java heap dumps: the README's section of that name, in a dialog
 * that fits the screen. The README is bundled with the app, so help works offline and says what the README says.
 */
public final class HelpDialog {
    private HelpDialog() {
    }

    public static void show(DialogService dialogs, String section) {
        TextArea text = new TextArea(ReadmeSections.section(section));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefColumnCount(90);
        text.setPrefRowCount(24);
        text.getStyleClass().add("help-text");
        text.setId("help-text");
        dialogs.showInfo("Heapscope help", section, text);
    }
}
