package heapscope.parser.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.fuzz.FuzzCampaign;
import heapscope.fuzz.Mutator;
import heapscope.fuzz.ReadContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both readers under damaged input: a few thousand seeded mutants per format of small dumps cut down from the
 * committed fixtures (src/test/scripts/fuzz/make-seeds.py), and a few hundred of the full fixtures, must each open or
 * be refused with one line naming the file ({@link ReadContract}); every crasher a longer run found
 * (src/test/scripts/fuzz/long-fuzz.sh) is replayed. The seed number is fixed, so a failure repeats; the run is bounded
 * in time for CI and prints what it tried and what came out.
 */
class ReaderFuzzTest {
    private static final Path SEEDS = Path.of("src/test/resources/fuzz/seeds");
    private static final Path CRASHERS = Path.of("src/test/resources/fuzz/crashers");
    private static final long SEED = 11;
    private static final int MUTANTS = 2000;
    /** A bound for busy machines; on this project's 2 cores, quiet, V8 takes about 10 s and HPROF 30 s. */
    private static final long MAX_MILLIS_PER_FORMAT = 40_000;

    @TempDir
    Path scratch;

    @Test
    void hprofMutantsOpenOrAreRefusedInOneLine() throws IOException {
        campaign(Mutator.Format.HPROF, List.of(SEEDS.resolve("jdk25-reduced.hprof.gz"),
                Path.of("src/test/resources/fixtures/hprof/jdk25-small.hprof.gz")));
    }

    @Test
    void v8MutantsOpenOrAreRefusedInOneLine() throws IOException {
        campaign(Mutator.Format.V8, List.of(SEEDS.resolve("worker-reduced.heapsnapshot.gz"),
                Path.of("src/test/resources/fixtures/v8/layouts/worker-base.heapsnapshot.gz")));
    }

    @Test
    void everyCommittedCrasherNowKeepsTheContract() throws IOException {
        List<String> broken = new ArrayList<>();
        int replayed = 0;
        try (ReadContract contract = new ReadContract(); Stream<Path> files = Files.walk(CRASHERS)) {
            for (Path crasher : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".txt"))
                    .sorted().toList()) {
                ReadContract.Outcome outcome = contract.check(scratch.resolve(crasher.getFileName()),
                        Files.readAllBytes(crasher));
                replayed++;
                if (!outcome.held()) {
                    broken.add(crasher + ": " + outcome.violation());
                }
            }
        }
        System.out.println("replayed " + replayed + " committed crashers");
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    private void campaign(Mutator.Format format, List<Path> seedFiles) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path file : seedFiles) {
            seeds.add(FuzzCampaign.seed(file));
        }
        // The cut-down seed reads in milliseconds; the full fixture gets one mutant in 50.
        FuzzCampaign.Result result = new FuzzCampaign(format, scratch).run(seeds, new int[] {49, 1}, SEED, MUTANTS,
                MAX_MILLIS_PER_FORMAT);
        System.out.print(result.describe(format + " fuzz"));
        assertTrue(result.crashers().isEmpty(), result.describe(format + " fuzz"));
        assertTrue(result.mutants() >= 200, "too few mutants in the time: " + result.mutants());
    }
}
