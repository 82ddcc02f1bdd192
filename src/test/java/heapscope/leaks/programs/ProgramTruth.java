package heapscope.leaks.programs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What truly leaks in one leak program, and what does not: its {@code <program>.truth.json} in
 * src/test/resources/programs/leaks/, derived from the program's own code (see the README there). Class names are
 * the Summary's: Java binary names ({@code byte[]}, {@code java.util.HashMap$Node}) for HPROF, DevTools' constructor
 * names ({@code (string)}, {@code system / Context}) for V8. A "step" is from one snapshot to the next. Immutable.
 *
 * @param program the program's id, e.g. {@code java-static-map}
 * @param format {@code hprof} or {@code v8-heapsnapshot} (the CLI's format names)
 * @param source the program's main source file, from the repository root
 * @param snapshots how many snapshots one run writes
 * @param summary what the program does, in a sentence or two
 * @param leaks every leak, each as one report entry should show it
 * @param notLeaks what the program keeps but does not leak: a good report lists none of it
 * @param runtimeGrowth what grows inside the runtime's own caches: at most a collapsed "runtime growth" section
 */
public record ProgramTruth(String program, String format, String source, int snapshots, String summary,
        List<Leak> leaks, List<Kept> notLeaks, List<RuntimeGrowth> runtimeGrowth) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads a truth file. */
    public static ProgramTruth read(Path file) {
        try {
            return JSON.readValue(file.toFile(), ProgramTruth.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the truth file " + file, e);
        }
    }

    /**
     * One leak, as one entry of a good report.
     *
     * @param name what a reader calls it, and the name a good report gives it ({@code AuditRegistry.ENTRIES},
     *     {@code onRequestDone}, ...)
     * @param anchor what holds it
     * @param accumulates the objects it is a leak of (the report's headline class)
     * @param alsoGrows other classes that grow as part of the same leak, held through {@code accumulates} or beside
     *     it in the same container: one entry's breakdown, never entries of their own
     * @param others objects of classes not listed that grow as part of the leak (the runtime's bookkeeping for what
     *     leaks), or null where there are none
     */
    public record Leak(String name, Anchor anchor, ClassGrowth accumulates, List<ClassGrowth> alsoGrows,
            OtherGrowth others) {
    }

    /**
     * Objects of many small classes that a leak brings along, counted together.
     *
     * @param minPerStep fewest such objects in a step
     * @param maxPerStep most such objects in a step
     * @param what which objects, and why their count is not exact
     */
    public record OtherGrowth(int minPerStep, int maxPerStep, String what) {
    }

    /**
     * What holds a leak.
     *
     * @param kind {@code static field}, {@code instance field}, {@code thread locals}, {@code closure variable},
     *     {@code event listeners} or {@code module variable}
     * @param owner the class (Java) or object/function (V8) whose member holds the leak
     * @param member the field, variable or event name
     * @param heldBy how the owner itself is reachable, in words
     */
    public record Anchor(String kind, String owner, String member, String heldBy) {
    }

    /**
     * How one class's count grows in each step.
     *
     * @param className the Summary's class name; with {@code prefix}, every class whose name starts with it (lambda
     *     and other hidden classes, whose names end in a per-run address)
     * @param prefix whether {@code className} is a prefix
     * @param firstCount the count in the first snapshot, or null where the runtime has objects of the class too
     * @param perStep how many the program adds in each step
     * @param tolerance how far a step may differ because the runtime adds or drops objects of the class (0: exact)
     * @param what which objects these are, and where a tolerance comes from
     */
    public record ClassGrowth(String className, boolean prefix, Long firstCount, int perStep, int tolerance,
            String what) {
    }

    /**
     * Something kept but not leaked: the same count in every snapshot.
     *
     * @param name what a reader calls it
     * @param className the Summary's class name of its objects
     * @param count their count in every snapshot
     * @param what why it is not a leak
     */
    public record Kept(String name, String className, long count, String what) {
    }

    /**
     * Growth inside the runtime's own caches (constant pools, method types, lambda forms, loaded classes, compiled
     * code): no leak, and about as big as said, not exactly.
     *
     * @param what which runtime structures grow and what in the program makes them grow
     * @param classes the classes that grow most
     * @param minObjectsPerStep fewest objects (all classes together) added in any step; negative when the runtime
     *     drops some of its objects after the first snapshot
     * @param maxObjectsPerStep most objects (all classes together) added in any step
     */
    public record RuntimeGrowth(String what, List<String> classes, int minObjectsPerStep, int maxObjectsPerStep) {
    }
}
