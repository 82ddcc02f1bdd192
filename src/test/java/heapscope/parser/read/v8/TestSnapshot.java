package heapscope.parser.read.v8;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a V8 {@code .heapsnapshot} from a graph built by hand, in whichever layout a test needs: node fields with
 * or without {@code trace_node_id}/{@code detachedness} (or with a field no V8 writes), 4- or 5-field locations,
 * type lists in any order, extra header keys, extra sections and any section order. Field values are written by
 * field name, as V8 does, so every layout describes the same graph.
 */
final class TestSnapshot {
    static final List<String> V8_NODE_TYPES = List.of("hidden", "array", "string", "object", "code", "closure",
            "regexp", "number", "native", "synthetic", "concatenated string", "sliced string", "symbol", "bigint",
            "object shape");
    static final List<String> V8_EDGE_TYPES = List.of("context", "element", "property", "internal", "hidden",
            "shortcut", "weak");
    static final List<String> SEVEN_NODE_FIELDS = List.of("type", "name", "id", "self_size", "edge_count",
            "trace_node_id", "detachedness");
    static final List<String> FOUR_LOCATION_FIELDS = List.of("object_index", "script_id", "line", "column");
    static final List<String> FIVE_LOCATION_FIELDS = List.of("object_index", "script_id", "script_object_index",
            "line", "column");
    /** The order V8 writes its sections in. */
    static final List<String> V8_SECTION_ORDER = List.of("snapshot", "nodes", "edges", "trace_function_infos",
            "trace_tree", "samples", "locations", "strings");

    private List<String> nodeFields = SEVEN_NODE_FIELDS;
    private List<String> nodeTypes = V8_NODE_TYPES;
    private List<String> edgeTypes = V8_EDGE_TYPES;
    private List<String> locationFields = FOUR_LOCATION_FIELDS;
    private List<String> sectionOrder = V8_SECTION_ORDER;
    private final List<String> strings = new ArrayList<>(List.of("<dummy>"));
    private final List<long[]> nodes = new ArrayList<>();
    private final List<List<long[]>> edgesByNode = new ArrayList<>();
    private final List<long[]> locations = new ArrayList<>();
    private final Map<String, String> extraHeaderJson = new LinkedHashMap<>();
    private final Map<String, String> extraSectionJson = new LinkedHashMap<>();

    /** Node field values by position: type, name, id, self size, detachedness, trace node id. */
    private static final int TYPE = 0;
    private static final int NAME = 1;
    private static final int ID = 2;
    private static final int SELF_SIZE = 3;
    private static final int DETACHEDNESS = 4;
    private static final int TRACE_NODE_ID = 5;

    TestSnapshot nodeFields(String... names) {
        nodeFields = List.of(names);
        return this;
    }

    TestSnapshot nodeTypes(List<String> names) {
        nodeTypes = names;
        return this;
    }

    TestSnapshot edgeTypes(List<String> names) {
        edgeTypes = names;
        return this;
    }

    /** Null leaves {@code location_fields} out of the meta. */
    TestSnapshot locationFields(List<String> names) {
        locationFields = names;
        return this;
    }

    /** The order of the top-level sections; sections left out are not written. */
    TestSnapshot sectionOrder(String... names) {
        sectionOrder = List.of(names);
        return this;
    }

    /** Adds a member to the {@code snapshot} header, e.g. {@code root_index}, with its raw JSON value. */
    TestSnapshot headerMember(String key, String json) {
        extraHeaderJson.put(key, json);
        return this;
    }

    /** Adds a top-level section, written after the others unless {@link #sectionOrder} places it. */
    TestSnapshot section(String key, String json) {
        extraSectionJson.put(key, json);
        return this;
    }

    /** Adds a node and returns its ordinal. */
    int node(String type, String name, long id, long selfSize) {
        nodes.add(new long[] {nodeTypes.indexOf(type), string(name), id, selfSize, 0, 0});
        edgesByNode.add(new ArrayList<>());
        return nodes.size() - 1;
    }

    TestSnapshot detachedness(int node, int state) {
        nodes.get(node)[DETACHEDNESS] = state;
        return this;
    }

    TestSnapshot traceNodeId(int node, int traceNodeId) {
        nodes.get(node)[TRACE_NODE_ID] = traceNodeId;
        return this;
    }

    /** An edge named by a string ({@code property}, {@code context}, {@code internal}, ...). */
    TestSnapshot edge(int from, String type, String name, int to) {
        edgesByNode.get(from).add(new long[] {edgeTypes.indexOf(type), string(name), to});
        return this;
    }

    /** An edge named by an index ({@code element}, {@code hidden}). */
    TestSnapshot edge(int from, String type, long index, int to) {
        edgesByNode.get(from).add(new long[] {edgeTypes.indexOf(type), index, to});
        return this;
    }

    TestSnapshot location(int node, int scriptId, int line, int column) {
        locations.add(new long[] {node, scriptId, line, column});
        return this;
    }

    /** The string's index, adding it if new. */
    int string(String value) {
        int index = strings.indexOf(value);
        if (index < 0) {
            strings.add(value);
            index = strings.size() - 1;
        }
        return index;
    }

    int stringCount() {
        return strings.size();
    }

    String json() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("snapshot", header());
        sections.put("nodes", nodesJson());
        sections.put("edges", edgesJson());
        sections.put("trace_function_infos", "[]");
        sections.put("trace_tree", "[]");
        sections.put("samples", "[]");
        sections.put("locations", locationsJson());
        sections.put("strings", strings.stream().map(TestSnapshot::quote).collect(Collectors.joining(",\n", "[",
                "]")));
        sections.putAll(extraSectionJson);
        List<String> order = new ArrayList<>(sectionOrder);
        extraSectionJson.keySet().stream().filter(key -> !order.contains(key)).forEach(order::add);
        return order.stream().map(key -> quote(key) + ":" + sections.get(key))
                .collect(Collectors.joining(",\n", "{", "}"));
    }

    Path write(Path file) throws IOException {
        return Files.writeString(file, json());
    }

    Path writeGzip(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(json().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private String header() {
        StringBuilder meta = new StringBuilder();
        meta.append("\"node_fields\":").append(quoteAll(nodeFields));
        List<String> nodeFieldTypes = new ArrayList<>();
        for (String field : nodeFields) {
            nodeFieldTypes.add(field.equals("type") ? quoteAll(nodeTypes)
                    : field.equals("name") ? "\"string\"" : "\"number\"");
        }
        meta.append(",\"node_types\":[").append(String.join(",", nodeFieldTypes)).append(']');
        meta.append(",\"edge_fields\":[\"type\",\"name_or_index\",\"to_node\"]");
        meta.append(",\"edge_types\":[").append(quoteAll(edgeTypes)).append(",\"string_or_number\",\"node\"]");
        meta.append(",\"trace_function_info_fields\":[\"function_id\",\"name\",\"script_name\",\"script_id\",\"line\","
                + "\"column\"]");
        meta.append(",\"trace_node_fields\":[\"id\",\"function_info_index\",\"count\",\"size\",\"children\"]");
        meta.append(",\"sample_fields\":[\"timestamp_us\",\"last_assigned_id\"]");
        if (locationFields != null) {
            meta.append(",\"location_fields\":").append(quoteAll(locationFields));
        }
        int edgeCount = edgesByNode.stream().mapToInt(List::size).sum();
        StringBuilder header = new StringBuilder("{\"meta\":{").append(meta).append("},\"node_count\":")
                .append(nodes.size()).append(",\"edge_count\":").append(edgeCount)
                .append(",\"trace_function_count\":0");
        extraHeaderJson.forEach((key, json) -> header.append(',').append(quote(key)).append(':').append(json));
        return header.append('}').toString();
    }

    private String nodesJson() {
        StringBuilder out = new StringBuilder("[");
        for (int n = 0; n < nodes.size(); n++) {
            long[] node = nodes.get(n);
            if (n > 0) {
                out.append("\n,");
            }
            List<String> row = new ArrayList<>();
            for (String field : nodeFields) {
                row.add(Long.toString(nodeField(field, node, edgesByNode.get(n).size())));
            }
            out.append(String.join(",", row));
        }
        return out.append(']').toString();
    }

    private static long nodeField(String field, long[] node, int edgeCount) {
        switch (field) {
            case "type":
                return node[TYPE];
            case "name":
                return node[NAME];
            case "id":
                return node[ID];
            case "self_size":
                return node[SELF_SIZE];
            case "edge_count":
                return edgeCount;
            case "detachedness":
                return node[DETACHEDNESS];
            case "trace_node_id":
                return node[TRACE_NODE_ID];
            default:
                // A field no reader knows: a value that would corrupt the graph if it were taken for another.
                return 987654321;
        }
    }

    private String edgesJson() {
        StringBuilder out = new StringBuilder("[");
        for (List<long[]> edges : edgesByNode) {
            for (long[] edge : edges) {
                if (out.length() > 1) {
                    out.append("\n,");
                }
                out.append(edge[0]).append(',').append(edge[1]).append(',').append(edge[2] * nodeFields.size());
            }
        }
        return out.append(']').toString();
    }

    private String locationsJson() {
        if (locationFields == null) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[");
        for (long[] location : locations) {
            if (out.length() > 1) {
                out.append("\n,");
            }
            List<String> row = new ArrayList<>();
            for (String field : locationFields) {
                switch (field) {
                    case "object_index":
                        row.add(Long.toString(location[0] * nodeFields.size()));
                        break;
                    case "script_id":
                        row.add(Long.toString(location[1]));
                        break;
                    case "line":
                        row.add(Long.toString(location[2]));
                        break;
                    case "column":
                        row.add(Long.toString(location[3]));
                        break;
                    default:
                        row.add("0");
                }
            }
            out.append(String.join(",", row));
        }
        return out.append(']').toString();
    }

    private static String quoteAll(List<String> values) {
        return values.stream().map(TestSnapshot::quote).collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON string literal; non-ASCII characters are written as they are (UTF-8 in the file). */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
