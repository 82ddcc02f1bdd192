package heapscope.parser.analysis.matching;

import heapscope.parser.HeapLoader;
import heapscope.parser.analysis.AnalyzedHeap;
import heapscope.parser.analysis.matching.workload.TruthDump.TrackedObject;
import heapscope.parser.analysis.matching.workload.WorkloadSeries;
import heapscope.parser.analysis.RetainerView;
import heapscope.parser.model.RetainerEdge;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;

/** By hand: why objects of one class were called new (or matched wrongly) between two dumps. */
public final class MatchingDebug {
    public static void main(String[] args) throws Exception {
        WorkloadSeries series = WorkloadSeries.read(Path.of(args[0]));
        int k = Integer.parseInt(args[1]);
        String cls = args[2];
        AnalyzedHeap a = HeapLoader.load(series.dumps().get(k - 1), ProgressListener.NO_OP, CancelSignal.NEVER);
        AnalyzedHeap b = HeapLoader.load(series.dumps().get(k), ProgressListener.NO_OP, CancelSignal.NEVER);
        ObjectMatching m = ObjectMatcher.match(a, b, CancelSignal.NEVER);
        RetainerView view = new RetainerView(b);
        if (args.length > 4) {
            int n = Integer.parseInt(args[4]);
            var g = b.graph();
            for (int e = g.firstEdgeIndex()[n]; e < g.firstEdgeIndex()[n + 1]; e++) {
                int t = g.edgeTargets()[e];
                System.out.println("newer " + n + " -> " + g.edgeName(e) + " @" + t + " " + g.nodeName(t) + " matched="
                        + m.olderOf(t) + " " + m.ruleOf(t));
            }
        }
        if (args.length > 3) {
            int o = Integer.parseInt(args[3]);
            RetainerView av = new RetainerView(a);
            System.out.println("older " + o + " " + a.graph().nodeName(o) + " fields " + a.graph().objectFields(o));
            for (RetainerEdge r : av.retainers(o)) {
                System.out.println("   older <- " + a.graph().edgeName(r.edgeIndex()) + " of "
                        + a.graph().nodeName(r.retainerNode()) + " @" + r.retainerNode() + " label "
                        + a.graph().nodeLabel(r.retainerNode()));
            }
        }
        int[] newerOf = new int[a.graph().nodeCount()];
        java.util.Arrays.fill(newerOf, -1);
        for (int n = 0; n < b.graph().nodeCount(); n++) {
            if (m.olderOf(n) >= 0) {
                newerOf[m.olderOf(n)] = n;
            }
        }
        int shown = 0;
        java.util.Set<Long> before = new java.util.HashSet<>();
        series.objects(k - 1).values().forEach(o -> before.add(o.serial()));
        for (int node = 0; node < b.graph().nodeCount() && shown < 5; node++) {
            TrackedObject o = series.object(k, b.graph().nodeId(node));
            if (o == null || !o.className().endsWith("$" + cls)) {
                continue;
            }
            boolean trulyNew = !before.contains(o.serial());
            int older = m.olderOf(node);
            TrackedObject was = older < 0 ? null : series.object(k - 1, a.graph().nodeId(older));
            boolean wrong = (older < 0) != trulyNew || (older >= 0 && (was == null || was.serial() != o.serial()));
            if (!wrong) {
                continue;
            }
            shown++;
            System.out.println("node " + node + " serial " + o.serial() + " trulyNew " + trulyNew + " older " + older
                    + (was == null ? "" : " (serial " + was.serial() + ")") + " rule " + m.ruleOf(node));
            int current = node;
            for (int step = 0; step < 6; step++) {
                List<RetainerEdge> rs = view.retainers(current);
                if (rs.isEmpty()) {
                    break;
                }
                RetainerEdge r = rs.get(0);
                int h = r.retainerNode();
                System.out.println("   <- " + b.graph().edgeName(r.edgeIndex()) + " of " + b.graph().nodeName(h)
                        + " @" + h + " matched=" + m.olderOf(h) + " " + m.ruleOf(h) + " retainers=" + rs.size()
                        + " fields=" + b.graph().objectFields(h));
                var g = b.graph();
                for (int e = g.firstEdgeIndex()[h]; e < g.firstEdgeIndex()[h + 1]; e++) {
                    int t = g.edgeTargets()[e];
                    System.out.println("        -> " + g.edgeName(e) + " " + g.nodeName(t) + " @" + t + " matched="
                            + m.olderOf(t) + " " + m.ruleOf(t) + " retainers=" + b.retainers().retainerCount(t));
                    if (m.olderOf(t) >= 0 && step == 0 && g.edgeName(e).equals("key")) {
                        int ao = m.olderOf(t);
                        int[] fr = a.retainers().firstRetainerSlot();
                        for (int sl = fr[ao]; sl < fr[ao + 1]; sl++) {
                            int holder = a.retainers().retainerSources()[sl];
                            System.out.println("           older holder @" + holder + " -> newer @" + newerOf[holder]
                                    + " " + (newerOf[holder] >= 0 ? m.ruleOf(newerOf[holder]) : "") + " hashes "
                                    + a.graph().contentHashes()[holder] + " vs " + g.contentHashes()[h]
                                    + " fields " + a.graph().objectFields(holder));
                        }
                    }
                }
                current = h;
            }
        }
    }
}
