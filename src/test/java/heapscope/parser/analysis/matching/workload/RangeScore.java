package heapscope.parser.analysis.matching.workload;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.model.ObjectBirths;
import heapscope.parser.analysis.matching.workload.TruthDump.TrackedObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well "objects allocated between Snapshot i and Snapshot j" did on dump k of a {@link WorkloadSeries}, per
 * workload class: the objects the births put in the range against those whose serial says they were made there.
 */
public final class RangeScore {
    /** Counts for one class. */
    public static final class ClassScore {
        public long objects;
        public long inRange;
        public long calledInRange;
        public long calledInRangeCorrectly;

        public double precision() {
            return calledInRange == 0 ? 1 : (double) calledInRangeCorrectly / calledInRange;
        }

        public double recall() {
            return inRange == 0 ? 1 : (double) calledInRangeCorrectly / inRange;
        }

        /** |called - truth| over the truth (or over the objects when the truth is 0). */
        public double countError() {
            long base = inRange > 0 ? inRange : Math.max(1, objects);
            return Math.abs(calledInRange - inRange) / (double) base;
        }

        @Override
        public String toString() {
            return String.format("%6d objects, %6d in range, %6d called in range (count error %.2f %%, precision %.4f,"
                    + " recall %.4f)", objects, inRange, calledInRange, 100 * countError(), precision(), recall());
        }
    }

    private RangeScore() {
    }

    /** Scores the objects of dump {@code k} (0-based) first seen after snapshot {@code after}, by {@code upTo}. */
    public static Map<String, ClassScore> score(WorkloadSeries series, int k, AnalyzedHeap heap, ObjectBirths births,
            int after, int upTo) {
        Map<String, ClassScore> scores = new TreeMap<>();
        for (int node = 0; node < heap.graph().nodeCount(); node++) {
            TrackedObject object = series.object(k, heap.graph().nodeId(node));
            if (object == null) {
                continue;
            }
            ClassScore score = scores.computeIfAbsent(MatchingScore.simpleName(object.className()),
                    name -> new ClassScore());
            score.objects++;
            int phase = series.phaseOf(object.serial());
            boolean truth = phase > after && phase <= upTo;
            int first = births.firstSnapshot(node);
            boolean called = first > after && first <= upTo;
            score.inRange += truth ? 1 : 0;
            score.calledInRange += called ? 1 : 0;
            score.calledInRangeCorrectly += truth && called ? 1 : 0;
        }
        return scores;
    }
}
