package heapscope.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs mutants of seed files through the {@link ReadContract} and tallies what happened: how many opened, opened with
 * a warning, were refused, and by which kind of message; keeps the inputs that broke the contract. Deterministic for
 * a seed number. Does IO: writes each mutant to a scratch folder and deletes it.
 */
public final class FuzzCampaign {
    /** One input that broke the contract. */
    public record Crasher(String name, byte[] bytes, boolean gzip, String violation) {
    }

    /** What a campaign found. */
    public record Result(int mutants, Map<String, Integer> outcomes, Map<String, Integer> messageKinds,
            List<Crasher> crashers, long millis) {
        /** A few lines for the test log and the report. */
        public String describe(String title) {
            StringBuilder text = new StringBuilder(title + ": " + mutants + " mutants in " + millis + " ms; "
                    + outcomes + "\n");
            messageKinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(25).forEach(e -> text.append(String.format("  %6d  %s%n", e.getValue(), e.getKey())));
            for (Crasher crasher : crashers) {
                text.append("  VIOLATION ").append(crasher.name()).append(": ")
                        .append(crasher.violation().lines().limit(8).reduce((a, b) -> a + "\n    " + b).orElse(""))
                        .append('\n');
            }
            return text.toString();
        }
    }

    private final Mutator mutator;
    private final String extension;
    private final Path scratch;

    public FuzzCampaign(Mutator.Format format, Path scratch) {
        this.mutator = new Mutator(format);
        this.extension = format == Mutator.Format.HPROF ? ".hprof" : ".heapsnapshot";
        this.scratch = scratch;
    }

    /**
     * Tries {@code mutants} mutants, taking the seeds in turn by their weights, or stops early when
     * {@code maxMillis} have passed (0: no limit).
     */
    public Result run(List<byte[]> seeds, int[] weights, long seed, int mutants, long maxMillis) throws IOException {
        Random random = new Random(seed);
        int totalWeight = 0;
        for (int w : weights) {
            totalWeight += w;
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<Crasher> crashers = new ArrayList<>();
        long start = System.currentTimeMillis();
        int tried = 0;
        try (ReadContract contract = new ReadContract()) {
            for (; tried < mutants; tried++) {
                if (maxMillis > 0 && System.currentTimeMillis() - start > maxMillis) {
                    break;
                }
                int pick = random.nextInt(totalWeight);
                int s = 0;
                while (pick >= weights[s]) {
                    pick -= weights[s++];
                }
                Mutator.Mutant mutant = mutator.mutate(seeds.get(s), random);
                String name = "mutant-" + seed + "-" + tried + extension + (mutant.gzip() ? ".gz" : "");
                ReadContract.Outcome outcome = contract.check(scratch.resolve(name), mutant.bytes());
                outcomes.merge(outcome.outcomeClass(), 1, Integer::sum);
                if (!outcome.detail().isEmpty()) {
                    kinds.merge(outcome.outcomeClass() + ": " + outcome.detail(), 1, Integer::sum);
                }
                if (!outcome.held()) {
                    crashers.add(new Crasher(name, mutant.bytes(), mutant.gzip(), mutant.how() + "\n"
                            + outcome.violation()));
                }
            }
        }
        return new Result(tried, outcomes, kinds, crashers, System.currentTimeMillis() - start);
    }

    /** Reads a seed file, inflating it when it is gzip-compressed. */
    public static byte[] seed(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            }
        }
        return bytes;
    }
}
