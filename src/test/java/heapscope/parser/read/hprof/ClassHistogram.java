package heapscope.parser.read.hprof;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.graph.NodeType;
import heapscope.parser.read.hprof.format.JavaNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instance counts and bytes per class, parsed from {@code jcmd GC.class_histogram} output (names turned into the
 * graph's Java form: {@code [I} is {@code int[]}) or summed over a graph's object nodes.
 */
record ClassHistogram(Map<String, long[]> countAndBytesByClass) {
    private static final Pattern ROW = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");

    static ClassHistogram parse(String jcmdOutput) {
        Map<String, long[]> rows = new TreeMap<>();
        for (String line : jcmdOutput.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(JavaNames.fromInternal(m.group(3)),
                        new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no histogram rows in: " + jcmdOutput);
        }
        return new ClassHistogram(rows);
    }

    static ClassHistogram of(HeapGraph graph) {
        Map<String, long[]> rows = new TreeMap<>();
        for (int i = 0; i < graph.nodeCount(); i++) {
            if (graph.nodeTypes().get(i) == NodeType.OBJECT) {
                long[] row = rows.computeIfAbsent(graph.nodeName(i), k -> new long[2]);
                row[0]++;
                row[1] += graph.nodeSelfSizes().get(i);
            }
        }
        return new ClassHistogram(rows);
    }

    boolean sameAs(ClassHistogram other) {
        if (!countAndBytesByClass.keySet().equals(other.countAndBytesByClass.keySet())) {
            return false;
        }
        for (Map.Entry<String, long[]> e : countAndBytesByClass.entrySet()) {
            long[] o = other.countAndBytesByClass.get(e.getKey());
            if (o[0] != e.getValue()[0] || o[1] != e.getValue()[1]) {
                return false;
            }
        }
        return true;
    }

    long count(String className) {
        return countAndBytesByClass.getOrDefault(className, new long[2])[0];
    }

    long bytes(String className) {
        return countAndBytesByClass.getOrDefault(className, new long[2])[1];
    }

    /** The comparison of a graph's histogram ({@code this}) with the JVM's, class by class. */
    Comparison compareWith(ClassHistogram jvm) {
        TreeSet<String> classes = new TreeSet<>(jvm.countAndBytesByClass.keySet());
        classes.addAll(countAndBytesByClass.keySet());
        List<String> countMismatches = new ArrayList<>();
        List<String> byteMismatches = new ArrayList<>();
        for (String c : classes) {
            String line = c + ": jcmd " + jvm.count(c) + " / " + jvm.bytes(c) + " B, graph " + count(c) + " / "
                    + bytes(c) + " B";
            if (jvm.count(c) != count(c)) {
                countMismatches.add(line);
            }
            if (jvm.bytes(c) != bytes(c)) {
                byteMismatches.add(line);
            }
        }
        return new Comparison(classes.size(), countMismatches, byteMismatches);
    }

    record Comparison(int classes, List<String> countMismatches, List<String> byteMismatches) {
        double byteMatchPercent() {
            return 100.0 * (classes - byteMismatches.size()) / classes;
        }

        @Override
        public String toString() {
            return classes + " classes; counts equal for " + (classes - countMismatches.size()) + ", bytes equal for "
                    + (classes - byteMismatches.size()) + String.format(" (%.2f%%)", byteMatchPercent())
                    + (countMismatches.isEmpty() ? "" : "; count mismatches: " + countMismatches)
                    + (byteMismatches.isEmpty() ? "" : "; byte mismatches: " + byteMismatches);
        }
    }
}
