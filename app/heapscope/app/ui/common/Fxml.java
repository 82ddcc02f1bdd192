package heapscope.app.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads {@code /fxml/<Name>.fxml} with a controller the caller made (with its view model), JabRef's
 * {@code ViewLoader.view(this).load()} convention: the FXML names its controller class, and the factory hands out the
 * given instance.
 */
public final class Fxml {
    private Fxml() {
    }

    public static Parent load(String name, Object controller) {
        URL location = Fxml.class.getResource("/fxml/" + name + ".fxml");
        if (location == null) {
            throw new IllegalStateException("missing /fxml/" + name + ".fxml");
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(name + ".fxml wants " + type.getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + location, e);
        }
    }

    /** The stylesheet every window uses. */
    public static String stylesheet() {
        return Fxml.class.getResource("/fxml/heapscope.css").toExternalForm();
    }
}
