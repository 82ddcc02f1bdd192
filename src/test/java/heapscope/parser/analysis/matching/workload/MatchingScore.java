package heapscope.parser.analysis.matching.workload;

import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.matching.ObjectMatching;
import heapscope.parser.analysis.matching.workload.TruthDump.TrackedObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a matching of dump k-1 to dump k of a {@link WorkloadSeries} did, per workload class: of the objects of
 * dump k, which were truly new (made after dump k-1) and which the matching called new, and of those it matched,
 * how many to the right object.
 */
public final class MatchingScore {
    /** Counts for one class. "New" is the positive class: precision and recall are of the objects called new. */
    public static final class ClassScore {
        public long objects;
        public long trulyNew;
        public long calledNew;
        public long calledNewCorrectly;
        public long matchedToWrongObject;

        public double precision() {
            return calledNew == 0 ? 1 : (double) calledNewCorrectly / calledNew;
        }

        public double recall() {
            return trulyNew == 0 ? 1 : (double) calledNewCorrectly / trulyNew;
        }

        /** |called new - truly new| over the class's objects. */
        public double countError() {
            return objects == 0 ? 0 : Math.abs(calledNew - trulyNew) / (double) objects;
        }

        @Override
        public String toString() {
            return String.format("%6d objects, %6d new, %6d called new (precision %.4f, recall %.4f), %d matched to"
                    + " the wrong object", objects, trulyNew, calledNew, precision(), recall(), matchedToWrongObject);
        }
    }

    private MatchingScore() {
    }

    /** Scores the matching of dump {@code k - 1} (older) to dump {@code k} (newer), both 0-based. */
    public static Map<String, ClassScore> score(WorkloadSeries series, int k, AnalyzedHeap older, AnalyzedHeap newer,
            ObjectMatching matching) {
        Map<String, ClassScore> scores = new TreeMap<>();
        Map<Long, TrackedObject> before = series.objects(k - 1);
        java.util.Set<Long> serialsBefore = new java.util.HashSet<>();
        for (TrackedObject object : before.values()) {
            serialsBefore.add(object.serial());
        }
        for (int node = 0; node < newer.graph().nodeCount(); node++) {
            TrackedObject object = series.object(k, newer.graph().nodeId(node));
            if (object == null) {
                continue;
            }
            ClassScore score = scores.computeIfAbsent(simpleName(object.className()), name -> new ClassScore());
            score.objects++;
            boolean trulyNew = !serialsBefore.contains(object.serial());
            int olderNode = matching.olderOf(node);
            if (trulyNew) {
                score.trulyNew++;
            }
            if (olderNode < 0) {
                score.calledNew++;
                if (trulyNew) {
                    score.calledNewCorrectly++;
                }
            } else {
                TrackedObject was = before.get(older.graph().nodeId(olderNode));
                if (was == null || was.serial() != object.serial()) {
                    score.matchedToWrongObject++;
                }
            }
        }
        return scores;
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('$') + 1);
    }
}
