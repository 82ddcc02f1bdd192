package heapscope.app.ui;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Starts the desktop app with JavaFX loaded as the named modules it is built as, which is what JavaFX supports (on
 * the class path it warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at every
 * start). {@code java -jar heapscope.jar} and the installed launchers put everything on the class path, so the app
 * builds the module layer itself: the JavaFX jars named in the jar's manifest become a layer of modules, and the
 * app's own classes and its other libraries are loaded by a class loader over that layer. Started from anywhere else
 * (an IDE, the build's classes folder), the app launches on the class path as before.
 */
public final class JavaFxLaunch {
    private static final String APP = "heapscope.app.ui.HeapscopeApp";
    private static final Set<String> ROOTS = Set.of("javafx.controls", "javafx.fxml");

    private JavaFxLaunch() {
    }

    /** Launches the app (does not return until it exits). */
    public static void launch(String[] args) {
        ClassLoader app = modularAppLoader();
        try {
            Class<?> appClass = app == null ? Class.forName(APP) : app.loadClass(APP);
            ClassLoader fx = app == null ? JavaFxLaunch.class.getClassLoader() : app.getParent();
            Thread.currentThread().setContextClassLoader(appClass.getClassLoader());
            Class<?> application = Class.forName("javafx.application.Application", true, fx);
            application.getMethod("launch", Class.class, String[].class).invoke(null, appClass, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the app: " + e, e);
        }
    }

    /**
     * A class loader for the app over a layer of the JavaFX modules, or null when the app does not run from its jar
     * with the JavaFX jars beside it.
     */
    private static ClassLoader modularAppLoader() {
        List<Path> classPath = jarClassPath();
        List<Path> javafx = new ArrayList<>();
        List<URL> rest = new ArrayList<>();
        try {
            for (Path entry : classPath) {
                if (entry.getFileName().toString().startsWith("javafx-")) {
                    // The artifacts without a platform classifier are empty stand-ins; only the modules count.
                    if (isJavaFxModule(entry)) {
                        javafx.add(entry);
                    }
                } else {
                    rest.add(entry.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            return null;
        }
        if (javafx.isEmpty()) {
            return null;
        }
        Configuration configuration = ModuleLayer.boot().configuration().resolve(
                ModuleFinder.of(javafx.toArray(Path[]::new)), ModuleFinder.of(), ROOTS);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        return new URLClassLoader("heapscope", rest.toArray(URL[]::new), layer.findLoader("javafx.graphics"));
    }

    private static boolean isJavaFxModule(Path jar) {
        return ModuleFinder.of(jar).findAll().stream().map(ModuleReference::descriptor)
                .anyMatch(d -> !d.isAutomatic() && d.name().startsWith("javafx."));
    }

    /** The app's jar and the entries of its manifest's Class-Path; empty when not run from a jar. */
    private static List<Path> jarClassPath() {
        try {
            Path jar = Path.of(JavaFxLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return List.of();
            }
            List<Path> entries = new ArrayList<>(List.of(jar));
            try (JarFile file = new JarFile(jar.toFile())) {
                String classPath = file.getManifest() == null ? null
                        : file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (classPath != null) {
                    for (String entry : classPath.trim().split("\\s+")) {
                        Path path = jar.resolveSibling(entry);
                        if (Files.isRegularFile(path)) {
                            entries.add(path);
                        }
                    }
                }
            }
            return entries;
        } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
            return List.of();
        }
    }
}
