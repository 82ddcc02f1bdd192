package heapscope.app.cli;

import heapscope.app.Version;
import heapscope.parser.cache.AnalysisCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the command line: {@code heapscope <command> ...}. Every command is a {@code Callable<Integer>} of its
 * own class, makes the same engine calls as the desktop app, writes results to stdout and messages to stderr.
 *
 * <p>Exit codes: 0 success; 1 the input is not a readable heap dump (one line on stderr names the file and the
 * problem); 2 wrong usage.
 */
@Command(name = "heapscope", mixinStandardHelpOptions = true, versionProvider = HeapscopeCommand.VersionProvider.class,
        description = "Heap explorer for V8 .heapsnapshot and Java .hprof dumps (plain or gzip-compressed).",
        subcommands = {DiffCommand.class, InfoCommand.class, LeaksCommand.class, RetainersCommand.class,
            SummaryCommand.class, IndexCommand.class, CacheCommand.class})
public final class HeapscopeCommand {
    /** Exit code when the input cannot be read as a heap dump. */
    public static final int EXIT_BAD_INPUT = 1;

    /** Whether these launch arguments are meant for the command line rather than the desktop app. */
    public static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return first.startsWith("-") || new CommandLine(new HeapscopeCommand()).getSubcommands().containsKey(first);
    }

    /** Runs the command; returns once the analyses it cached are written (results are printed before). */
    public static int run(String[] args) {
        int exitCode = new CommandLine(new HeapscopeCommand()).setExecutionExceptionHandler(new ExitCodes())
                .setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        AnalysisCache.finishWrites();
        return exitCode;
    }

    /** {@code --version}: the version from the pom, through {@link Version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"heapscope " + Version.current()};
        }
    }
}
