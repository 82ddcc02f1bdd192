package heapscope.app.cli;

import heapscope.app.Version;
import heapscope.parser.cache.AnalysisCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the command line: {@code heapscope <command> ...}. Every command is a {@code Callable<Integer>} of its
 * own class, makes the same engine calls as the desktop app, writes results to stdout and messages to stderr.
 *
 * <p>Exit codes: 0 success; 1 the input is not a readable heap dump, or for {@code capture} the target cannot be
 * captured (one line on stderr names the file or target and the problem); 2 wrong usage; 3 not enough memory (the
 * line names the {@code -Xmx} that would do).
 */
@Command(name = "heapscope", mixinStandardHelpOptions = true, versionProvider = HeapscopeCommand.VersionProvider.class,
        description = "Heap explorer for V8 .heapsnapshot and Java .hprof dumps (plain or gzip-compressed).",
        subcommands = {CaptureCommand.class, DiffCommand.class, InfoCommand.class, LeaksCommand.class,
            RetainersCommand.class, SummaryCommand.class, IndexCommand.class, CacheCommand.class})
public final class HeapscopeCommand {
    /** Exit code when the input cannot be read as a heap dump. */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit code when the JVM has too little memory for the input; the message says which -Xmx would do. */
    public static final int EXIT_NOT_ENOUGH_MEMORY = 3;

    /**
     * Whether these launch arguments are meant for the command line rather than the desktop app: an option, a
     * subcommand, or a first word that is neither a file nor path-like ({@code summmary F}), which the command line
     * then reports as a mistyped command instead of the app trying to open it.
     */
    public static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return first.startsWith("-") || new CommandLine(new HeapscopeCommand()).getSubcommands().containsKey(first)
                || looksLikeACommand(first);
    }

    private static boolean looksLikeACommand(String word) {
        return word.matches("[A-Za-z][A-Za-z-]*") && !java.nio.file.Files.exists(java.nio.file.Path.of(word));
    }

    /** Runs the command; returns once the analyses it cached are written (results are printed before). */
    public static int run(String[] args) {
        CommandLine commandLine = new CommandLine(new HeapscopeCommand()).setExecutionExceptionHandler(new ExitCodes())
                .setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(parseResult -> {
            checkTop(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // Thrown past picocli (it catches exceptions only); what the command held is unreachable by now.
            System.err.println(ExitCodes.line(e));
            return EXIT_NOT_ENOUGH_MEMORY;
        } finally {
            AnalysisCache.finishWrites();
        }
    }

    /** {@code --top N} of any command must not be negative. */
    private static void checkTop(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            Integer top = result.matchedOptionValue("--top", null);
            if (top != null && top < 0) {
                throw new CommandLine.ParameterException(result.commandSpec().commandLine(),
                        "--top must be 0 or more, not " + top);
            }
        }
    }

    /** {@code --version}: the version from the pom, through {@link Version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"heapscope " + Version.current()};
        }
    }
}
