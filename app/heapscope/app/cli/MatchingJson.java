package heapscope.app.cli;

import heapscope.parser.analysis.matching.MatchRule;
import heapscope.parser.analysis.matching.ObjectMatching;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the objects of one Java dump were matched to the dump before it, as {@code summary --json} and {@code diff
 * --json} report it; the README documents every field.
 */
record MatchingJson(String base, String target, long objects, long matched, long newObjects,
        Map<String, Long> matchedBy, long tieBreaks) {

    static MatchingJson of(String base, String target, ObjectMatching matching) {
        Map<String, Long> byRule = new LinkedHashMap<>();
        for (MatchRule rule : MatchRule.values()) {
            byRule.put(rule.jsonName(), matching.count(rule));
        }
        long objects = matching.newerNodeCount();
        return new MatchingJson(base, target, objects, matching.matchedCount(), objects - matching.matchedCount(),
                byRule, matching.tieBreakCount());
    }
}
