package heapscope.parser.analysis.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.SnapshotSeries;
import heapscope.parser.analysis.matching.workload.MatchingScore;
import heapscope.parser.analysis.matching.workload.TruthDump.TrackedObject;
import heapscope.parser.analysis.matching.workload.WorkloadSeries;
import heapscope.parser.graph.NodeSizes;
import heapscope.parser.model.ClassDiff;
import heapscope.parser.model.ObjectBirths;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.CanceledException;
import heapscope.parser.progress.Phase;
import heapscope.parser.progress.ProgressListener;
import heapscope.parser.store.IntColumn;
import heapscope.testing.PhaseRecorder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The object matching on the committed run of {@code IdentityWorkload} ({@link CommittedWorkload}), in process and
 * exactly: the serials the program gave its objects (zeroed before the engine reads the dumps) say which object of one
 * dump is which of the dump before, and when each was made. Per step and per workload class, the matching must call
 * exactly the truly new objects new and match every other object to itself; the Comparison must count exactly the
 * new and deleted objects; the births must put every object in the dump its serial says. Two classes are exempt from
 * the object-by-object check, as in {@link ObjectMatchingTruthTest}: {@code Counter} and {@code Buffer} change every
 * field in place, which no dump can tell from a replacement (their errors must stay within what the matching reports
 * as undecided), and {@code Link}s share their few weights, so identical links may be paired with each other (their
 * counts must still be exact).
 */
class MatchingOnCommittedDumpsTest {
    private static final Set<String> UNDECIDABLE = Set.of("Counter", "Buffer");
    private static final String IDENTICAL = "Link";

    /**
     * Looks at the cancel signal allowed per matching ({@link CountedCancel}): the matchings of these dumps look
     * 2,883, 3,830 and 4,457 times (once per changed candidate, once per 4,096 pairs spread from). A mistake that sends
     * the matcher round its queues for ever fails at this many, within seconds, instead of hanging the test (and the
     * mutation run, whose JVM would be restarted and read the dumps again).
     */
    private static final int CHECKS_PER_MATCHING = 10_000;

    private static ObjectMatching match(int k) {
        CommittedWorkload workload = CommittedWorkload.get();
        try {
            return ObjectMatcher.match(workload.heap(k - 1), workload.heap(k), new CountedCancel(CHECKS_PER_MATCHING));
        } catch (CanceledException e) {
            throw new AssertionError("the matching of dump " + k + " to dump " + (k + 1) + " looked at its cancel"
                    + " signal more than " + CHECKS_PER_MATCHING + " times (it takes 2,883 to 4,457): it goes round a"
                    + " loop", e);
        }
    }

    /**
     * The whole run, each step matched once (a matching costs a second or two, and the mutation run repeats this per
     * mutant): per step the counts by rule, every workload object and the Comparison; then, over the three matchings,
     * the dump each object is first seen in.
     */
    @Test
    void eachStepAndTheBirthsAgainstTheSerials() {
        CommittedWorkload workload = CommittedWorkload.get();
        ObjectBirths births = Lineage.first(workload.heap(0));
        for (int k = 1; k < workload.size(); k++) {
            ObjectMatching matching = match(k);
            checkCountsByRule(k, matching);
            checkObjects(k, matching);
            checkComparison(k, matching);
            births = Lineage.next(births, matching);
        }
        checkBirths(births, workload.size() - 1);
    }

    /**
     * What the app and the CLI call for a series: {@link Lineage#ofLast} over the first two dumps matches once, says
     * so, and returns the second dump with the births its serials say. More than 127 snapshots are refused before any
     * is loaded.
     */
    @Test
    void theLastSnapshotOfASeriesWithItsBirths() throws Exception {
        CommittedWorkload workload = CommittedWorkload.get();
        PhaseRecorder phases = new PhaseRecorder();
        Lineage.Last last = Lineage.ofLast(series(2, k -> workload.heap(k)), phases,
                new CountedCancel(CHECKS_PER_MATCHING));
        assertEquals(List.of(Phase.MATCHING_OBJECTS), phases.phases());
        assertSame(workload.heap(1), last.heap());
        assertEquals(1, last.steps().size());
        checkBirths(last.births(), 1);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Lineage.ofLast(
                series(128, k -> {
                    throw new AssertionError("loaded");
                }), ProgressListener.NO_OP, CancelSignal.NEVER));
        assertEquals("a series of at most 127 snapshots", refused.getMessage());
    }

    private static SnapshotSeries series(int size, java.util.function.IntFunction<AnalyzedHeap> heaps) {
        return new SnapshotSeries() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public String label(int k) {
                return "phase-" + (k + 1);
            }

            @Override
            public AnalyzedHeap heap(int k) {
                return heaps.apply(k);
            }

            @Override
            public long maxJsObjectId(int k) {
                return 0;
            }
        };
    }

    /** Cancel stops a matching: the matcher looks at the signal while it spreads from the anchors. */
    @Test
    void cancelStopsTheMatching() {
        CommittedWorkload workload = CommittedWorkload.get();
        assertThrows(CanceledException.class,
                () -> ObjectMatcher.match(workload.heap(0), workload.heap(1), () -> true));
    }

    /** Every workload object of dump k is matched to itself in dump k-1, or called new when it is. */
    private static void checkObjects(int k, ObjectMatching matching) {
        CommittedWorkload workload = CommittedWorkload.get();
        Map<String, MatchingScore.ClassScore> scores = MatchingScore.score(workload.series(), k, workload.heap(k - 1),
                workload.heap(k), matching);
        assertEquals(13, scores.size(), scores.keySet().toString());
        long undecidableErrors = 0;
        for (Map.Entry<String, MatchingScore.ClassScore> entry : scores.entrySet()) {
            MatchingScore.ClassScore score = entry.getValue();
            String what = "dump " + k + " to " + (k + 1) + ", " + entry.getKey() + ": " + score;
            if (UNDECIDABLE.contains(entry.getKey())) {
                undecidableErrors += Math.abs(score.calledNew - score.trulyNew) + score.matchedToWrongObject;
                continue;
            }
            assertEquals(score.trulyNew, score.calledNew, what);
            if (!entry.getKey().equals(IDENTICAL)) {
                assertEquals(score.trulyNew, score.calledNewCorrectly, what);
                assertEquals(0, score.matchedToWrongObject, what);
            }
        }
        assertTrue(undecidableErrors <= matching.undecidedCount() + matching.count(MatchRule.TIE_BREAK),
                undecidableErrors + " errors on Counter and Buffer, " + matching.undecidedCount() + " undecided");
    }

    /** The Comparison of the step, per workload class: new and deleted objects as the serials count them. */
    private static void checkComparison(int k, ObjectMatching matching) {
        CommittedWorkload workload = CommittedWorkload.get();
        WorkloadSeries series = workload.series();
        AnalyzedHeap base = workload.heap(k - 1);
        AnalyzedHeap target = workload.heap(k);
        List<ClassDiff> diffs = MatchedComparer.compare(base, target, matching);
        Map<String, long[]> truth = newAndDeleted(series, k);
        Map<String, ClassDiff> byClass = new HashMap<>();
        for (ClassDiff diff : diffs) {
            byClass.put(diff.name(), diff);
        }
        for (Map.Entry<String, long[]> entry : truth.entrySet()) {
            String simple = entry.getKey().substring(entry.getKey().lastIndexOf('$') + 1);
            if (UNDECIDABLE.contains(simple)) {
                continue;
            }
            ClassDiff diff = byClass.get(entry.getKey());
            long[] expected = entry.getValue();
            String what = "dump " + k + " to " + (k + 1) + ", " + simple;
            assertEquals(expected[0], diff == null ? 0 : diff.newCount(), what + " new");
            assertEquals(expected[1], diff == null ? 0 : diff.deletedCount(), what + " deleted");
            if (diff != null && !simple.equals(IDENTICAL)) {
                // Objects of one workload class are all of one size: the sizes are the counts times that size.
                assertEquals(diff.newCount() * instanceSize(target, diff.name()), diff.allocSize(), what);
                assertEquals(diff.deletedCount() * instanceSize(base, diff.name()), diff.freedSize(), what);
                assertEquals(diff.newCount(), diff.newNodes().length, what);
                assertEquals(diff.deletedCount(), diff.deletedNodes().length, what);
                // The rows' objects are the very objects the serials say: made since the base, gone by the target.
                for (int node : diff.newNodes()) {
                    assertTrue(!serials(series, k - 1).contains(serial(series, k, target, node)), what);
                }
                for (int node : diff.deletedNodes()) {
                    assertTrue(!serials(series, k).contains(serial(series, k - 1, base, node)), what);
                }
            }
        }
        for (int i = 1; i < diffs.size(); i++) {
            assertTrue(diffs.get(i - 1).allocSize() >= diffs.get(i).allocSize(), "largest allocated size first");
        }
        for (ClassDiff diff : diffs) {
            assertTrue(diff.newCount() + diff.deletedCount() > 0, diff.name() + ": a row with nothing new or deleted");
        }
    }

    private static long serial(WorkloadSeries series, int k, AnalyzedHeap heap, int node) {
        return series.object(k, heap.graph().nodeId(node)).serial();
    }

    private static Set<Long> serials(WorkloadSeries series, int k) {
        Set<Long> serials = new HashSet<>();
        series.objects(k).values().forEach(o -> serials.add(o.serial()));
        return serials;
    }

    /** Per workload class, the serials' new (made since dump k-1) and deleted (gone by dump k) objects. */
    private static Map<String, long[]> newAndDeleted(WorkloadSeries series, int k) {
        Set<Long> before = serials(series, k - 1);
        Set<Long> after = serials(series, k);
        Map<String, long[]> truth = new TreeMap<>();
        for (TrackedObject o : series.objects(k).values()) {
            truth.computeIfAbsent(o.className(), name -> new long[2])[0] += before.contains(o.serial()) ? 0 : 1;
        }
        for (TrackedObject o : series.objects(k - 1).values()) {
            truth.computeIfAbsent(o.className(), name -> new long[2])[1] += after.contains(o.serial()) ? 0 : 1;
        }
        return truth;
    }

    /** The shallow size of the objects of a workload class (all one size), from one of them. */
    private static long instanceSize(AnalyzedHeap heap, String className) {
        NodeSizes shallow = heap.shallowSizes();
        IntColumn classByNode = heap.classes().classByNode();
        for (int node = 0; node < classByNode.length(); node++) {
            if (heap.classes().name(classByNode.get(node)).equals(className)) {
                return shallow.get(node);
            }
        }
        throw new AssertionError("no " + className);
    }

    /**
     * The births of the series up to dump {@code last} (0-based): there, every workload object's first snapshot is the
     * dump its serial says it was made before, but for the two exempt classes and the links paired among their
     * identical twins, which must still be counted right per dump.
     */
    private static void checkBirths(ObjectBirths births, int last) {
        CommittedWorkload workload = CommittedWorkload.get();
        WorkloadSeries series = workload.series();
        AnalyzedHeap heap = workload.heap(last);
        assertEquals(last + 1, births.snapshot());
        assertEquals(1, births.firstSnapshot(heap.graph().rootOrdinal()), "the root is in every dump");
        assertEquals(heap.graph().nodeCount(), births.nodeCount());
        Map<String, long[]> truth = new TreeMap<>();
        Map<String, long[]> found = new TreeMap<>();
        long wrong = 0;
        for (int node = 0; node < heap.graph().nodeCount(); node++) {
            TrackedObject object = series.object(last, heap.graph().nodeId(node));
            if (object == null) {
                continue;
            }
            String simple = object.className().substring(object.className().lastIndexOf('$') + 1);
            int phase = series.phaseOf(object.serial());
            int first = births.firstSnapshot(node);
            truth.computeIfAbsent(simple, name -> new long[4])[phase - 1]++;
            found.computeIfAbsent(simple, name -> new long[4])[first - 1]++;
            if (phase != first && !UNDECIDABLE.contains(simple) && !simple.equals(IDENTICAL)) {
                wrong++;
            }
        }
        assertEquals(0, wrong, "workload objects first seen in the wrong dump");
        for (String simple : truth.keySet()) {
            if (!UNDECIDABLE.contains(simple)) {
                assertEquals(java.util.Arrays.toString(truth.get(simple)), java.util.Arrays.toString(found.get(simple)),
                        simple + " by first dump");
            }
        }
    }

    /**
     * How many objects each rule matched, and how many were left new undecided, in each step: the shares
     * {@code summary --json} and {@code diff --json} report. These are this committed run's counts, pinned (the truth
     * above says the matches are right; nothing independent says which rule should find each): a change to the
     * matcher that moves them must say why, and make-series.sh's run must be re-pinned when the dumps are remade.
     */
    private static void checkCountsByRule(int k, ObjectMatching matching) {
        assertEquals(List.of("anchor", "content", "field", "element", "holder", "changed", "tie-break"),
                java.util.Arrays.stream(MatchRule.values()).map(MatchRule::jsonName).toList(), "as the README's JSON");
        long[][] byRule = { // anchor, content, field, element, holder, changed, tie-break, undecided
            {928, 10_895, 15_578, 11_226, 2_471, 1_465, 568, 183},
            {977, 17_983, 18_198, 11_916, 2_562, 1_959, 570, 164},
            {977, 25_151, 20_729, 12_528, 2_682, 2_475, 568, 220}};
        long[] counted = new long[MatchRule.values().length + 1];
        for (MatchRule rule : MatchRule.values()) {
            counted[rule.ordinal()] = matching.count(rule);
        }
        counted[counted.length - 1] = matching.undecidedCount();
        assertEquals(java.util.Arrays.toString(byRule[k - 1]), java.util.Arrays.toString(counted));
        CommittedWorkload workload = CommittedWorkload.get();
        long matched = java.util.Arrays.stream(byRule[k - 1], 0, MatchRule.values().length).sum();
        long tieBreaks = byRule[k - 1][6] + byRule[k - 1][7];
        int objects = workload.heap(k).graph().nodeCount();
        assertEquals(new ObjectMatching.Summary(objects, matched, tieBreaks), matching.summary());
        assertEquals(matched, matching.matchedCount());
        assertEquals(tieBreaks, matching.tieBreakCount());
        assertEquals(workload.heap(k - 1).graph().nodeCount(), matching.olderNodeCount());
        assertEquals(4L * objects, matching.retainedBytes());
    }

    /** The matcher reads values only Java dumps have. */
    @Test
    void v8HeapsAreRefused() {
        AnalyzedHeap v8 = heapscope.parser.analysis.HeapAnalyzer.analyze(new heapscope.testing.TestGraph().root()
                .build(), heapscope.parser.progress.ProgressListener.NO_OP, CancelSignal.NEVER);
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> ObjectMatcher.match(v8, v8, CancelSignal.NEVER));
        assertTrue(refused.getMessage().contains("only Java heap dumps"), refused.getMessage());
    }
}
