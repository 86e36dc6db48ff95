package cn.reportarchive.export;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of an export: a sheet of the .xlsx or the whole .csv. Cells are strings, numbers
 * (numbers stay numbers in Excel) or {@link Percent}s; null is an empty cell. {@code printed}: how
 * many leading columns the printed sheet shows (the rest are there to filter and sort by).
 */
public record ExportTable(String name, List<String> headers, List<List<Object>> rows, int printed) {

    public ExportTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        printed = printed <= 0 || printed > headers.size() ? headers.size() : printed;
    }

    public ExportTable(String name, List<String> headers, List<List<Object>> rows) {
        this(name, headers, rows, headers.size());
    }

    /** Collects rows of as many cells as there are headers. */
    public static final class Builder {
        private final String name;
        private final List<String> headers;
        private final List<List<Object>> rows = new ArrayList<>();
        private int printed;

        public Builder(String name, String... headers) {
            this.name = name;
            this.headers = List.of(headers);
        }

        /** Only the first n columns go on paper. */
        public Builder printed(int n) {
            this.printed = n;
            return this;
        }

        public Builder row(Object... cells) {
            if (cells.length != headers.size()) {
                throw new IllegalArgumentException(name + ": " + cells.length + " cells for " + headers.size() + " columns");
            }
            rows.add(java.util.Collections.unmodifiableList(java.util.Arrays.asList(cells)));
            return this;
        }

        public ExportTable build() {
            return new ExportTable(name, headers, rows, printed);
        }
    }
}
