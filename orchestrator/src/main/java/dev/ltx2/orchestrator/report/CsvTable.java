package dev.ltx2.orchestrator.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A numeric CSV as the run writes them ({@code loss_log.csv}, {@code voice_report.csv}): a
 * header, then rows; empty cells are missing values. No quoting is needed: neither file
 * writes a comma inside a cell.
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(List.of(line.split(",", -1)));
        }
        return new CsvTable(List.of(lines.get(0).split(",", -1)), rows);
    }

    /** The column's numbers by row; empty where a row has no value. */
    public List<OptionalDouble> column(String name) {
        int i = header.indexOf(name);
        List<OptionalDouble> out = new ArrayList<>();
        for (List<String> row : rows) {
            String cell = i >= 0 && i < row.size() ? row.get(i).strip() : "";
            OptionalDouble value = OptionalDouble.empty();
            if (!cell.isEmpty()) {
                try {
                    value = OptionalDouble.of(Double.parseDouble(cell));
                } catch (NumberFormatException e) {
                    value = OptionalDouble.empty();
                }
            }
            out.add(value);
        }
        return out;
    }

    public String cell(int row, String name) {
        int i = header.indexOf(name);
        return i >= 0 && i < rows.get(row).size() ? rows.get(row).get(i) : "";
    }
}
