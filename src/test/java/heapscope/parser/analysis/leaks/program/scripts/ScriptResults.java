package heapscope.parser.analysis.leaks.program.scripts;

/**
 * What one script class counts, held in its static: a program object among the statics of the classes a loader
 * defines. Public, as each script class is in a runtime package of its own loader's.
 */
public final class ScriptResults {
    public final long[] counts = new long[16];
}
