package cn.reportarchive.extract.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A table of problems or measures (序号 | 问题 | 整改措施 | 责任人 | 时限) as the points it lists: one
 * paragraph per row, numbered {@code 1.} {@code 2.} … as a typed list of points would be, the
 * header row dropped and the row's cells joined, the main column first and the others named by
 * their headers: {@code 1.学习不够深入；整改措施：每月集中学习一次；责任人：局党组书记；时限：2024年6月。}
 * The parser's item splitter takes such a line as one line-form point (Markers.ARABIC). A pure
 * function of the cells; a table without such a header row is not a table of points.
 */
final class PointTable {
    /** Header cells are short labels; a longer first row is content. */
    private static final int MAX_HEADER = 12;
    private static final Pattern SERIAL = Pattern.compile("序号|编号|序|No\\.?|NO\\.?|no\\.?");
    private static final Pattern MAIN = Pattern.compile(".*(问题|表现|措施|任务|事项|内容|清单).*");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern TRAILING = Pattern.compile("[。；;，,、\\s\\u3000]+$");

    private PointTable() {
    }

    /**
     * A table as lines: its points when it is a table of points, else every cell's paragraphs in
     * reading order (row by row), as a layout table holding the report's text needs them.
     */
    static void emit(List<List<String>> rows, List<List<List<String>>> cellLines, Consumer<String> out) {
        Optional<List<String>> points = points(rows);
        if (points.isPresent()) {
            points.get().forEach(out);
            return;
        }
        cellLines.forEach(row -> row.forEach(cell -> cell.forEach(out)));
    }

    /** The rows as points, or empty when the first row is not the header of a table of points. */
    static Optional<List<String>> points(List<List<String>> rows) {
        if (rows.size() < 2) {
            return Optional.empty();
        }
        List<String> header = rows.get(0).stream().map(c -> BLANKS.matcher(c).replaceAll("")).toList();
        if (header.stream().filter(h -> !h.isEmpty()).count() < 2
                || header.stream().anyMatch(h -> h.length() > MAX_HEADER)) {
            return Optional.empty();
        }
        int main = -1;
        for (int c = 0; c < header.size() && main < 0; c++) {
            if (!SERIAL.matcher(header.get(c)).matches() && MAIN.matcher(header.get(c)).matches()) {
                main = c;
            }
        }
        if (main < 0) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            List<String> values = new ArrayList<>();
            List<String> labelled = new ArrayList<>();
            String mainValue = "";
            for (int c = 0; c < row.size(); c++) {
                String value = TRAILING.matcher(row.get(c).strip()).replaceAll("");
                String name = c < header.size() ? header.get(c) : "";
                if (value.isEmpty() || SERIAL.matcher(name).matches()) {
                    continue;
                }
                values.add(value);
                if (c == main) {
                    mainValue = value;
                } else {
                    labelled.add(name.isEmpty() ? value : name + "：" + value);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            if (row.size() == 1 || values.size() > 1 && values.stream().distinct().count() == 1) {
                lines.add(values.get(0)); // a row spanning the table: a group heading, not a point
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (!mainValue.isEmpty()) {
                parts.add(mainValue);
            }
            parts.addAll(labelled);
            lines.add(++n + "." + String.join("；", parts) + "。");
        }
        return Optional.of(lines);
    }
}
