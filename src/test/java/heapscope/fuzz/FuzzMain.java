package heapscope.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The long fuzz run, started by hand (src/test/scripts/fuzz/long-fuzz.sh): many more mutants than the test runs,
 * of the seeds and of the full committed fixtures, with any input that breaks the {@link ReadContract} written to
 * the crashers folder, where {@code ReaderFuzzTest} replays it on every build from then on.
 *
 * <p>Arguments: {@code hprof|v8 MUTANTS SEED CRASHERS_DIR SEED_FILE...}.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        Mutator.Format format = Mutator.Format.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        int mutants = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path crashers = Path.of(args[3]);
        List<byte[]> seeds = new ArrayList<>();
        int[] weights = new int[args.length - 4];
        for (int i = 4; i < args.length; i++) {
            seeds.add(FuzzCampaign.seed(Path.of(args[i])));
            weights[i - 4] = i == 4 ? 3 * (args.length - 5) : 1; // the cut-down seed gets three quarters
        }
        Path scratch = Files.createTempDirectory("heapscope-fuzz");
        FuzzCampaign.Result result = new FuzzCampaign(format, scratch).run(seeds, weights, seed, mutants, 0);
        Files.createDirectories(crashers);
        for (FuzzCampaign.Crasher crasher : result.crashers()) {
            Files.write(crashers.resolve(crasher.name()), crasher.bytes());
            Files.writeString(crashers.resolve(crasher.name() + ".txt"), crasher.violation());
        }
        System.out.print(result.describe(format + " seed " + seed));
        Files.delete(scratch);
        System.exit(result.crashers().isEmpty() ? 0 : 1);
    }
}
