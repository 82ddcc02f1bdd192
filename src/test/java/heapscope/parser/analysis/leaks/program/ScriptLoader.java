package heapscope.parser.analysis.leaks.program;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines one class per script, {@code scripts.Script0001} on, from the class file of {@code scripts.Script0000} with
 * the number patched in (same length, so the class file stays valid), and remembers every script it compiled in
 * {@link #compiled}, never trimmed. The JDK keeps each class it defines in {@code ClassLoader.classes}.
 */
final class ScriptLoader extends ClassLoader {
    private static final String TEMPLATE = "Script0000";
    private static final String PACKAGE = "heapscope.parser.analysis.leaks.program.scripts.";

    /** What the loader compiled, for a listing: one entry per script, with its class file. */
    final List<CompiledScript> compiled = new ArrayList<>();
    private final byte[] template;

    ScriptLoader(ClassLoader parent) throws IOException {
        super("scripts", parent);
        try (InputStream in = parent.getResourceAsStream((PACKAGE + TEMPLATE).replace('.', '/') + ".class")) {
            template = in.readAllBytes();
        }
    }

    /** Defines script {@code number} (1 on) and returns a new instance of it. */
    Runnable compile(int number) throws ReflectiveOperationException {
        String simpleName = String.format("Script%04d", number);
        byte[] bytes = patched(template, TEMPLATE.getBytes(StandardCharsets.US_ASCII),
                simpleName.getBytes(StandardCharsets.US_ASCII));
        Class<?> script = defineClass(PACKAGE + simpleName, bytes, 0, bytes.length);
        compiled.add(new CompiledScript(script.getName(), bytes));
        return (Runnable) script.getDeclaredConstructor().newInstance();
    }

    /** A copy of {@code bytes} with every occurrence of {@code from} replaced by {@code to}, of the same length. */
    private static byte[] patched(byte[] bytes, byte[] from, byte[] to) {
        byte[] copy = bytes.clone();
        for (int i = 0; i + from.length <= copy.length; i++) {
            if (java.util.Arrays.equals(copy, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, copy, i, to.length);
            }
        }
        return copy;
    }

    /** A script as the loader remembers it. */
    record CompiledScript(String name, byte[] classFile) {
    }
}
