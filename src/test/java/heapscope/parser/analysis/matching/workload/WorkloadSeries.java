package heapscope.parser.analysis.matching.workload;

import heapscope.parser.analysis.matching.workload.TruthDump.TrackedObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A run of {@link IdentityWorkload} in a child JVM and its truth: the dumps with their serials zeroed (what the code
 * under test reads), and for every workload object in each dump its class, its serial and the phase that made it.
 */
public final class WorkloadSeries {
    private final List<Path> dumps;
    private final List<Map<Long, TrackedObject>> objectsByAddress;
    private final long[] serialEnds;

    private WorkloadSeries(List<Path> dumps, List<Map<Long, TrackedObject>> objectsByAddress, long[] serialEnds) {
        this.dumps = dumps;
        this.objectsByAddress = objectsByAddress;
        this.serialEnds = serialEnds;
    }

    /** Runs the workload with {@code java} and {@code jvmOptions} into {@code dir}, then reads and zeroes the truth. */
    public static WorkloadSeries run(Path java, Path dir, int scale, String... jvmOptions) throws Exception {
        String classes = Path.of(IdentityWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classes, IdentityWorkload.class.getName(), dir.toString(),
                Integer.toString(scale)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the workload failed: " + output);
        }
        return read(dir);
    }

    /** Reads the truth of a workload run's output folder, writing the zeroed dumps beside the originals. */
    public static WorkloadSeries read(Path dir) throws IOException {
        List<Path> dumps = new ArrayList<>();
        List<Map<Long, TrackedObject>> objects = new ArrayList<>();
        long[] ends = new long[IdentityWorkload.PHASES];
        for (int phase = 1; phase <= IdentityWorkload.PHASES; phase++) {
            Path zeroed = dir.resolve("phase-" + phase + ".zeroed.hprof");
            TruthDump truth = TruthDump.extract(dir.resolve("phase-" + phase + ".hprof"), zeroed);
            Map<Long, TrackedObject> byAddress = new HashMap<>();
            for (TrackedObject object : truth.objects()) {
                byAddress.put(object.address(), object);
            }
            dumps.add(zeroed);
            objects.add(byAddress);
            ends[phase - 1] = Long.parseLong(Files.readString(dir.resolve("phase-" + phase + ".serials")).trim());
        }
        return new WorkloadSeries(dumps, objects, ends);
    }

    /** The dumps, oldest first, with their serials zeroed. */
    public List<Path> dumps() {
        return dumps;
    }

    /** The workload object at this address of dump {@code k} (0-based), or null for any other object. */
    public TrackedObject object(int k, long address) {
        return objectsByAddress.get(k).get(address);
    }

    /** The workload objects of dump {@code k}, by address. */
    public Map<Long, TrackedObject> objects(int k) {
        return objectsByAddress.get(k);
    }

    /** The 1-based phase, and so the first dump, an object with this serial was made in. */
    public int phaseOf(long serial) {
        for (int phase = 1; phase <= serialEnds.length; phase++) {
            if (serial < serialEnds[phase - 1]) {
                return phase;
            }
        }
        throw new IllegalArgumentException("serial " + serial + " after the last dump");
    }
}
