package heapscope.parser.analysis.leaks.program.scripts;

/**
 * The template of every script {@code ScriptLoader} defines: its class file is copied with the name
 * {@code Script0000} replaced by {@code ScriptNNNN} (the same length), so each script is a class of its own, with its
 * own statics. Never loaded under its own name.
 */
public final class Script0000 implements Runnable {
    /** Each script class's own results, one per class: a class's statics go with it. */
    static final ScriptResults RESULTS = new ScriptResults();

    @Override
    public void run() {
        RESULTS.counts[0]++;
    }
}
