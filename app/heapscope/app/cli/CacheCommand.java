package heapscope.app.cli;

import heapscope.app.Json;
import heapscope.parser.cache.AnalysisCache;
import heapscope.parser.view.Units;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heapscope cache list|clear|budget}: what the analysis cache holds, emptying it, and its size budget. Exit
 * codes as {@link HeapscopeCommand}.
 */
@Command(name = "cache",
        description = "The analysis cache: files opened before open from it in a fraction of the time.",
        subcommands = {CacheCommand.ListEntries.class, CacheCommand.Clear.class, CacheCommand.Budget.class})
final class CacheCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say list, clear or budget");
    }

    /** The user's cache folder, even where this process does not use it ({@code heapscope.cache=off}). */
    private static AnalysisCache cache() {
        return AnalysisCache.at(AnalysisCache.standardFolder(), note -> System.err.println("heapscope: note: " + note));
    }

    record EntryJson(String file, String format, int nodeCount, long fileSize, long cacheBytes, String lastUsed,
            String state) {
    }

    record ListJson(String folder, long budgetBytes, boolean budgetIsDefault, long usedBytes, List<EntryJson> entries) {
    }

    /** {@code heapscope cache list [--json]}. */
    @Command(name = "list", description = "The cached analyses, most recently used first, and the cache's size.")
    static final class ListEntries implements Callable<Integer> {
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            AnalysisCache cache = cache();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
            List<EntryJson> entries = cache.entries().stream().map(e -> new EntryJson(e.dumpPath(), e.format(),
                    e.nodeCount(), e.dumpBytes(), e.entryBytes(), time.format(e.lastUsed()),
                    e.dumpState().name().toLowerCase(Locale.ROOT))).toList();
            ListJson list = new ListJson(cache.folder().toString(), cache.budgetBytes(), cache.budgetIsDefault(),
                    cache.usedBytes(), entries);
            if (json) {
                Json.print(list, System.out);
                return 0;
            }
            PrintStream out = System.out;
            out.println("Cache folder:  " + list.folder());
            out.println("Used:          " + Units.bytes(list.usedBytes()) + " of a budget of "
                    + Units.bytes(list.budgetBytes()) + (list.budgetIsDefault()
                    ? " (the default: " + AnalysisCache.DEFAULT_BUDGET_RULE + "; heapscope cache budget SIZE sets it)" : ""));
            TextTable table = new TextTable("File", "Format", "Objects", "File size", "Cache size", "Last used",
                    "File now");
            for (EntryJson e : entries) {
                table.row(e.file(), e.format(), Units.count(e.nodeCount()), Units.bytes(e.fileSize()),
                        Units.bytes(e.cacheBytes()), e.lastUsed(), e.state());
            }
            table.print(out);
            return 0;
        }
    }

    /** {@code heapscope cache clear}. */
    @Command(name = "clear", description = "Removes every cached analysis.")
    static final class Clear implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            AnalysisCache cache = cache();
            long used = cache.usedBytes();
            int removed = cache.clear();
            System.out.println("Removed " + removed + " cached analyses (" + Units.bytes(used) + ") from "
                    + cache.folder());
            return 0;
        }
    }

    /** {@code heapscope cache budget [SIZE|default]}. */
    @Command(name = "budget", description = "Shows or sets the cache's size budget; the least recently used analyses"
            + " go when it is passed.")
    static final class Budget implements Callable<Integer> {
        private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?)b?",
                Pattern.CASE_INSENSITIVE);

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "SIZE",
                description = "e.g. 20G, 500MB, 8GiB; \"default\" for " + AnalysisCache.DEFAULT_BUDGET_RULE + ".")
        String size;

        @Override
        public Integer call() throws Exception {
            AnalysisCache cache = cache();
            if (size != null) {
                cache.setBudget(size.equalsIgnoreCase("default") ? null : parse(size));
            }
            System.out.println("Budget: " + Units.bytes(cache.budgetBytes())
                    + (cache.budgetIsDefault() ? " (the default: " + AnalysisCache.DEFAULT_BUDGET_RULE + ")" : "")
                    + "; used: " + Units.bytes(cache.usedBytes()));
            return 0;
        }

        private long parse(String text) {
            Matcher m = SIZE.matcher(text.strip());
            if (!m.matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a size: " + text
                        + " (say e.g. 20G or 500MB)");
            }
            int power = "kmgt".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
            double unit = Math.pow(m.group(3).isEmpty() ? 1000 : 1024, power);
            return (long) (Double.parseDouble(m.group(1)) * unit);
        }
    }
}
