package cn.reportarchive.web;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of an export: a sheet of the .xlsx or the whole .csv. Cells are strings or numbers
 * (numbers stay numbers in Excel); null is an empty cell.
 */
record ExportTable(String name, List<String> headers, List<List<Object>> rows) {

    ExportTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** Collects rows of as many cells as there are headers. */
    static final class Builder {
        private final String name;
        private final List<String> headers;
        private final List<List<Object>> rows = new ArrayList<>();

        Builder(String name, String... headers) {
            this.name = name;
            this.headers = List.of(headers);
        }

        Builder row(Object... cells) {
            if (cells.length != headers.size()) {
                throw new IllegalArgumentException(name + ": " + cells.length + " cells for " + headers.size() + " columns");
            }
            rows.add(java.util.Collections.unmodifiableList(java.util.Arrays.asList(cells)));
            return this;
        }

        ExportTable build() {
            return new ExportTable(name, headers, rows);
        }
    }
}
