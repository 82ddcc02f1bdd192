package heapscope.parser.analysis.leaks.program;

import java.io.IOException;

/**
 * Keeps only its bootstrap script; every later script is compiled by the bootstrap script's loader, which the engine
 * reaches through that script's class. So the loader, with its list of classes ({@code ClassLoader.classes}) and its
 * own {@code compiled} list, hangs from the GC roots only through a class's loader: a VM table, not a field a program
 * names.
 */
final class ScriptEngine {
    private static Runnable bootstrap;

    private ScriptEngine() {
    }

    static void start() throws IOException, ReflectiveOperationException {
        bootstrap = new ScriptLoader(ScriptEngine.class.getClassLoader()).compile(1);
        bootstrap.run();
    }

    /** Compiles and runs script {@code number} (2 on); the script itself is dropped, its class stays. */
    static void runNew(int number) throws ReflectiveOperationException {
        loader().compile(number).run();
    }

    static int compiled() {
        return loader().compiled.size();
    }

    private static ScriptLoader loader() {
        return (ScriptLoader) bootstrap.getClass().getClassLoader();
    }
}
