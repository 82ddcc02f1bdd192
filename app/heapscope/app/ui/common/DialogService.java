package heapscope.app.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Dialogs: an error says what is wrong in one sentence, wrapped to a readable width, with the technical details (the
 * stack trace) only behind "Show details". A dialog never grows wider than its screen and opens over the window. The
 * window's Quit shortcut works while a dialog is open. Non-blocking: the dialog shows and the app keeps working
 * (loads continue). Use on the JavaFX thread.
 */
public class DialogService {
    /** How wide a dialog's text runs before it wraps. */
    private static final double TEXT_WIDTH = 520;
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    private final Window owner;
    private final Runnable quit;

    /** {@code quit} runs when the user presses the Quit shortcut in a dialog. */
    public DialogService(Window owner, Runnable quit) {
        this.owner = owner;
        this.quit = quit;
    }

    public void showError(String title, String sentence, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label message = new Label(sentence);
        message.setWrapText(true);
        message.setMaxWidth(TEXT_WIDTH);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("error-sentence");
        message.setId("error-sentence");
        alert.getDialogPane().setContent(new VBox(message));
        if (details != null) {
            TextArea trace = new TextArea(stackTrace(details));
            trace.setEditable(false);
            trace.setPrefRowCount(14);
            trace.setPrefColumnCount(70);
            alert.getDialogPane().setExpandableContent(trace);
        }
        show(alert, TEXT_WIDTH + 160);
    }

    /** A dialog of information (About, Help); long content scrolls inside it. */
    public void showInfo(String title, String header, javafx.scene.Node content) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        show(alert, 2 * TEXT_WIDTH);
    }

    private void show(Alert alert, double maxWidth) {
        alert.initOwner(owner);
        alert.getDialogPane().getStylesheets().add(Fxml.stylesheet());
        alert.getDialogPane().setMaxWidth(maxWidth);
        alert.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (QUIT.match(e)) {
                e.consume();
                alert.close();
                quit.run();
            }
        });
        alert.setResizable(true);
        alert.setOnShown(e -> keepOnScreen(alert));
        alert.show();
    }

    /** Moves the dialog back inside the screen the window is on, should it stick out. */
    private void keepOnScreen(Alert alert) {
        Window dialog = alert.getDialogPane().getScene().getWindow();
        Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                owner.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (dialog.getWidth() > screen.getWidth()) {
            dialog.setWidth(screen.getWidth());
        }
        if (dialog.getHeight() > screen.getHeight()) {
            dialog.setHeight(screen.getHeight());
        }
        dialog.setX(Math.max(screen.getMinX(), Math.min(dialog.getX(), screen.getMaxX() - dialog.getWidth())));
        dialog.setY(Math.max(screen.getMinY(), Math.min(dialog.getY(), screen.getMaxY() - dialog.getHeight())));
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
