package cn.reportarchive.archive;

import cn.reportarchive.parse.ReportKind;
import cn.reportarchive.parse.ReportSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog's SQL for {@link Listing}: the filters as one WHERE clause, the page's ids read first
 * (the filters and the order touch the indexed columns only), and only then the summaries of those
 * ids, whose post, meeting and warnings sit in each report's JSON. Called by {@link Catalog} under
 * its lock.
 */
final class ListingQueries {
    /** A WHERE clause and its parameters. */
    private record Where(String sql, List<Object> params) {
        void bind(PreparedStatement q, int from) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                q.setObject(from + i, params.get(i));
            }
        }
    }

    /** The summaries of these reports, in this order. */
    interface Summaries {
        List<ReportSummary> of(List<String> ids) throws SQLException;
    }

    private ListingQueries() {
    }

    static Listing.Page page(Connection db, Listing l, Summaries summaries)
            throws SQLException {
        Where where = where(l);
        long total = count(db, "SELECT COUNT(*) FROM reports" + where.sql(), where);
        List<String> ids = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT id FROM reports" + where.sql() + " ORDER BY "
                + orderBy(l) + " LIMIT ? OFFSET ?")) {
            where.bind(q, 1);
            q.setInt(where.params().size() + 1, l.limit());
            q.setInt(where.params().size() + 2, l.offset());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return new Listing.Page(total, summaries.of(ids));
    }

    static Listing.Grid grid(Connection db, Listing l) throws SQLException {
        Where where = where(l);
        long units = count(db, "SELECT COUNT(DISTINCT coalesce(unit, char(0))) FROM reports" + where.sql(), where);
        long reports = count(db, "SELECT COUNT(*) FROM reports" + where.sql(), where);
        List<Integer> years = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT DISTINCT coalesce(year, 0) AS y FROM reports"
                + where.sql() + " ORDER BY y")) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
        }
        List<String> page = new ArrayList<>();
        boolean none = false;
        try (PreparedStatement q = db.prepareStatement("SELECT unit FROM reports" + where.sql()
                + " GROUP BY unit ORDER BY unit IS NULL, unit LIMIT ? OFFSET ?")) {
            where.bind(q, 1);
            q.setInt(where.params().size() + 1, l.limit());
            q.setInt(where.params().size() + 2, l.offset());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String unit = rs.getString(1);
                    if (unit == null) {
                        none = true;
                    } else {
                        page.add(unit);
                    }
                }
            }
        }
        Map<String, Map<Integer, List<Listing.Cell>>> rows = new LinkedHashMap<>();
        page.forEach(u -> rows.put(u, new TreeMap<>()));
        if (none) {
            rows.put(null, new TreeMap<>());
        }
        if (!rows.isEmpty()) {
            StringBuilder in = new StringBuilder(" AND (");
            List<Object> params = new ArrayList<>(where.params());
            if (!page.isEmpty()) {
                in.append("unit IN (").append("?,".repeat(page.size() - 1)).append("?)");
                params.addAll(page);
            }
            if (none) {
                in.append(page.isEmpty() ? "" : " OR ").append("unit IS NULL");
            }
            in.append(')');
            Where cells = new Where(where.sql() + in, params);
            try (PreparedStatement q = db.prepareStatement("SELECT id, unit, coalesce(year, 0), kind, author, title"
                    + " FROM reports" + cells.sql() + " ORDER BY year, kind = 'team' DESC, author, id")) {
                cells.bind(q, 1);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.get(rs.getString(2)).computeIfAbsent(rs.getInt(3), y -> new ArrayList<>())
                                .add(new Listing.Cell(rs.getString(1), rs.getString(6),
                                        ReportKind.fromKey(rs.getString(4)), rs.getString(5)));
                    }
                }
            }
        }
        List<Listing.Row> out = new ArrayList<>();
        rows.forEach((unit, cells) -> out.add(new Listing.Row(unit, cells)));
        return new Listing.Grid(units, reports, years, out);
    }

    private static long count(Connection db, String sql, Where where) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            where.bind(q, 1);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Where where(Listing l) {
        StringBuilder sql = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (l.unit() != null) {
            sql.append(" AND unit = ?");
            params.add(l.unit());
        }
        if (l.year() != null) {
            sql.append(" AND year = ?");
            params.add(l.year());
        }
        if (l.author() != null) {
            sql.append(" AND author = ?");
            params.add(l.author());
        }
        if (l.units() != null) {
            if (l.units().isEmpty()) {
                sql.append(" AND 0");
            } else {
                sql.append(" AND unit IN (").append("?,".repeat(l.units().size() - 1)).append("?)");
                params.addAll(l.units().stream().sorted().toList());
            }
        }
        if (l.text() != null) {
            for (String word : l.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isEmpty()) {
                    // the columns of the row only: the report's JSON is read for the page's rows alone
                    sql.append(" AND instr(lower(coalesce(title, '') || ' ' || coalesce(author, '') || ' '"
                            + " || coalesce(filename, '') || ' ' || coalesce(unit, '') || ' ' || coalesce(year, '')"
                            + " || '年'), ?) > 0");
                    params.add(word);
                }
            }
        }
        if (l.warningsOnly()) {
            sql.append(" AND coalesce(json_array_length(report_json, '$.warnings'), 0) > 0");
        }
        return new Where(sql.toString(), params);
    }

    /** The order, ending in the id so that equal keys keep their place from page to page. */
    private static String orderBy(Listing l) {
        String dir = l.descending() ? " DESC" : "";
        return switch (l.order()) {
            case UNIT -> "unit IS NULL, unit" + dir + ", year, author, title, id";
            case YEAR -> "year IS NULL, year" + dir + ", unit, author, title, id";
            case IMPORTED -> "imported_at" + dir + ", id" + dir;
        };
    }

    /** Summaries by id, in the order of the ids given. */
    static List<ReportSummary> inOrder(List<String> ids, List<ReportSummary> found) {
        Map<String, ReportSummary> byId = new HashMap<>();
        found.forEach(s -> byId.put(s.id(), s));
        List<ReportSummary> out = new ArrayList<>();
        for (String id : ids) {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        }
        return out;
    }
}
