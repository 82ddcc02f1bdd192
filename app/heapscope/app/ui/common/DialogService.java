package heapscope.app.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Dialogs: an error says what is wrong in one sentence, with the technical details (the stack trace) only behind
 * "Show details". Non-blocking: the dialog shows and the app keeps working (loads continue).
 */
public class DialogService {
    private final Window owner;

    public DialogService(Window owner) {
        this.owner = owner;
    }

    public void showError(String title, String sentence, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label message = new Label(sentence);
        message.setWrapText(true);
        message.getStyleClass().add("error-sentence");
        message.setId("error-sentence");
        alert.getDialogPane().setContent(new VBox(message));
        if (details != null) {
            TextArea trace = new TextArea(stackTrace(details));
            trace.setEditable(false);
            trace.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(trace);
        }
        style(alert);
        alert.show();
    }

    public void showInfo(String title, String header, javafx.scene.Node content) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        style(alert);
        alert.show();
    }

    private static void style(Alert alert) {
        alert.getDialogPane().getStylesheets().add(Fxml.stylesheet());
        alert.setResizable(true);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
