package heapscope.parser.analysis.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.leaks.programs.LeakProgram;
import heapscope.leaks.programs.ProgramTruth;
import heapscope.parser.FileSeries;
import heapscope.parser.model.ClassGrowth;
import heapscope.parser.model.LeakReport;
import heapscope.parser.model.LeakSuspect;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.progress.ProgressListener;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The leak report on the leak programs (src/test/resources/programs/leaks/README.md), against their truth files: a
 * program with a leak gets exactly one entry, named after what holds the leak, holding the leak's class with the
 * program's count per step (every one of them, but for those something else also holds, which the entry does not
 * retain); a program without a leak gets none, whatever its runtime grew.
 */
class LeakReportOnProgramsTest {
    /** Leaked objects something else also holds (an editor's open sessions) are not the entry's own. */
    private static final double HELD_ELSEWHERE = 0.05;

    @ParameterizedTest
    @EnumSource(LeakProgram.class)
    void findsTheLeakAndNothingElse(LeakProgram program) throws Exception {
        ProgramTruth truth = program.truth();
        LeakReport report = LeakFinder.find(new FileSeries(program.snapshots(), ProgressListener.NO_OP,
                CancelSignal.NEVER), ProgressListener.NO_OP, CancelSignal.NEVER);
        for (LeakSuspect suspect : report.suspects()) {
            System.out.println(program.id() + ": " + suspect.name() + " | " + suspect.path() + " | "
                    + suspect.held().get(0).className() + " " + suspect.held().get(0).added());
        }
        assertEquals(truth.leaks().size(), report.suspects().size(), program.id() + ": " + report.suspects());
        if (truth.leaks().isEmpty()) {
            return;
        }
        ProgramTruth.Leak leak = truth.leaks().get(0);
        LeakSuspect suspect = report.suspects().get(0);
        assertTrue(suspect.grewEveryStep(), suspect.toString());
        String member = leak.anchor().member();
        boolean threadLocals = leak.anchor().kind().equals("thread locals");
        assertTrue(threadLocals ? suspect.name().startsWith("thread locals of the request-worker")
                : suspect.name().contains(member) || suspect.path().contains(member),
                program.id() + ": " + suspect.name() + " | " + suspect.path());
        ClassGrowth held = held(suspect, leak.accumulates());
        int steps = truth.snapshots() - 1;
        long expected = (long) leak.accumulates().perStep() * steps;
        long tolerance = (long) leak.accumulates().tolerance() * steps + Math.round(HELD_ELSEWHERE * expected);
        assertTrue(Math.abs(held.added() - expected) <= tolerance, program.id() + ": " + held.className() + " +"
                + held.added() + ", the program added " + expected);
        assertTrue(suspect.held().indexOf(held) <= 1, program.id() + ": " + leak.accumulates().className()
                + " should head the breakdown (or follow the listeners holding it): " + suspect.held());
    }

    private static ClassGrowth held(LeakSuspect suspect, ProgramTruth.ClassGrowth leaked) {
        List<ClassGrowth> matching = suspect.held().stream().filter(c -> leaked.prefix()
                ? c.className().startsWith(leaked.className()) : c.className().equals(leaked.className())).toList();
        assertEquals(1, matching.size(), leaked.className() + " in " + suspect.held());
        return matching.get(0);
    }
}
