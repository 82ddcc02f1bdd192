package heapscope.parser.analysis.matching;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.matching.workload.MatchingScore;
import heapscope.parser.analysis.matching.workload.RangeScore;
import heapscope.parser.model.ObjectBirths;
import heapscope.parser.analysis.matching.workload.WorkloadSeries;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.nio.file.Path;

/** By hand: scores the matcher on a folder of IdentityWorkload dumps. */
public final class MatchingProbe {
    public static void main(String[] args) throws Exception {
        WorkloadSeries series = WorkloadSeries.read(Path.of(args[0]));
        AnalyzedHeap previous = HeapLoader.load(series.dumps().get(0), ProgressListener.NO_OP, CancelSignal.NEVER);
        ObjectBirths births = Lineage.first(previous);
        for (int k = 1; k < series.dumps().size(); k++) {
            AnalyzedHeap next = HeapLoader.load(series.dumps().get(k), ProgressListener.NO_OP, CancelSignal.NEVER);
            long start = System.nanoTime();
            ObjectMatching matching = ObjectMatcher.match(previous, next, CancelSignal.NEVER);
            System.out.printf("dump %d -> %d: %.0f ms, %d of %d matched%n", k, k + 1,
                    (System.nanoTime() - start) / 1e6, matching.matchedCount(), matching.newerNodeCount());
            for (MatchRule rule : MatchRule.values()) {
                System.out.printf("   %-10s %d%n", rule.jsonName(), matching.count(rule));
            }
            System.out.println("   undecided " + matching.undecidedCount());
            MatchingScore.score(series, k, previous, next, matching).forEach((name, score) ->
                    System.out.printf("  %-10s %s%n", name, score));
            births = Lineage.next(births, matching);
            if (k >= 2) {
                System.out.println(" snapshot " + (k + 1) + ", allocated between snapshot 1 and " + k + ":");
                RangeScore.score(series, k, next, births, 1, k).forEach((name, score) ->
                        System.out.printf("  %-10s %s%n", name, score));
            }
            previous = next;
        }
    }
}
