package heapscope.app.ui.common;

import heapscope.app.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;

/**
 * The current view as a table of text, for File ▸ Export: the rows the user sees (expanded rows included, with their
 * depth), the engine's numbers exact. Written as CSV (RFC 4180 quoting) or as JSON (an array of objects).
 */
public record ExportTable(String title, List<String> header, List<List<String>> rows) {
    public ExportTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The visible rows of a heap grid: depth, then the grid's columns, the count always one of them. */
    public static ExportTable of(String title, HeapGrid grid) {
        List<String> header = new ArrayList<>();
        header.add("depth");
        for (ColumnKind kind : grid.exportedColumns()) {
            header.add(grid.vocabulary().title(kind));
        }
        List<List<String>> rows = new ArrayList<>();
        TreeItem<GridRow> root = grid.table().getRoot();
        if (root != null) {
            collect(root, 0, grid, rows);
        }
        return new ExportTable(title, header, rows);
    }

    private static void collect(TreeItem<GridRow> item, int depth, HeapGrid grid, List<List<String>> rows) {
        for (TreeItem<GridRow> child : item.getChildren()) {
            GridRow row = child.getValue();
            if (row instanceof GridRow.MoreRow || row instanceof GridRow.MessageRow) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(depth));
            for (ColumnKind kind : grid.exportedColumns()) {
                cells.add(GridText.cell(row, kind));
            }
            rows.add(cells);
            if (child.isExpanded()) {
                collect(child, depth + 1, grid, rows);
            }
        }
    }

    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(csvLine(header));
            for (List<String> row : rows) {
                out.write(csvLine(row));
            }
        }
    }

    private static String csvLine(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                    || cell.contains("\r");
            quoted.add(needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", quoted) + "\r\n";
    }

    public void writeJson(Path file) throws IOException {
        List<Map<String, String>> objects = new ArrayList<>();
        for (List<String> row : rows) {
            Map<String, String> object = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                object.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            objects.add(object);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("view", title);
        document.put("rows", objects);
        Files.writeString(file, Json.text(document) + "\n", StandardCharsets.UTF_8);
    }
}
