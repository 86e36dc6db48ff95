package cn.reportarchive.archive;

import cn.reportarchive.archive.ArchiveVerifier.Kind;
import cn.reportarchive.archive.ArchiveVerifier.Problem;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.ItemRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * The catalog's side tables held against its report rows, for {@link ArchiveVerifier}: the unit
 * directory (each report's recorded name known, each name's unit and each merge's target present,
 * no merge going round, each report shown under its unit's name), the corrections (each about a
 * report that exists, a field this version knows, a block written as a reference) and the kept texts
 * (each report has its text, each text its report). Reads only, on a connection of its own opened
 * read-only, so it runs beside a serving archive.
 */
final class RowChecks {
    /** A report row as the messages name it. */
    private record Row(String filename, String unit) {
    }

    private final Connection db;
    private final Map<String, Row> reports = new LinkedHashMap<>();

    private RowChecks(Connection db) {
        this.db = db;
    }

    static List<Problem> check(Path catalogFile) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + catalogFile.toAbsolutePath(), config.toProperties())) {
            RowChecks checks = new RowChecks(db);
            checks.readReports();
            List<Problem> problems = new ArrayList<>();
            checks.texts(problems);
            checks.corrections(problems);
            checks.units(problems);
            return problems;
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Each row a query selects, in its order. */
    private void forEachRow(String sql, RowReader each) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                each.read(rs);
            }
        }
    }

    private void readReports() throws SQLException {
        forEachRow("SELECT id, filename, unit FROM reports ORDER BY id",
                rs -> reports.put(rs.getString(1), new Row(rs.getString(2), rs.getString(3))));
    }

    private String name(String id) {
        Row r = reports.get(id);
        return (r == null || r.filename() == null ? "" : r.filename()) + "（编号 " + id + "）";
    }

    private boolean hasTable(String table) throws SQLException {
        try (var q = db.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- kept texts

    private void texts(List<Problem> problems) throws SQLException {
        Set<String> kept = new HashSet<>();
        if (hasTable("texts")) {
            forEachRow("SELECT id FROM texts ORDER BY id", rs -> {
                String id = rs.getString(1);
                kept.add(id);
                if (!reports.containsKey(id)) {
                    problems.add(new Problem(Kind.ORPHAN_TEXT, id, "保存的文本没有对应的材料（编号 " + id + "）。"));
                }
            });
        }
        for (String id : reports.keySet()) {
            if (!kept.contains(id)) {
                problems.add(new Problem(Kind.MISSING_TEXT, id, "材料没有保存的文本，重建索引时需要重新提取原件：" + name(id) + "。"));
            }
        }
    }

    // ---- corrections

    private void corrections(List<Problem> problems) throws SQLException {
        if (!hasTable("corrections")) {
            return;
        }
        forEachRow("SELECT report_id, field, ref FROM corrections ORDER BY report_id, field, ref", rs -> {
            String id = rs.getString(1);
            String field = rs.getString(2);
            String ref = rs.getString(3);
            String subject = id + " " + field + (ref == null || ref.isEmpty() ? "" : " " + ref);
            if (!reports.containsKey(id)) {
                problems.add(new Problem(Kind.BAD_CORRECTION, subject, "更正记录指向不存在的材料（编号 " + id + "）。"));
                return;
            }
            var known = Correction.Field.fromKey(field);
            if (known.isEmpty()) {
                problems.add(new Problem(Kind.BAD_CORRECTION, subject, "更正记录的字段“" + field + "”无法识别，这项更正不会生效："
                        + name(id) + "。"));
            } else if (known.get() == Correction.Field.ASPECT && ItemRef.tryParse(ref).isEmpty()) {
                problems.add(new Problem(Kind.BAD_CORRECTION, subject, "方面的更正没有指明是哪一部分（“" + (ref == null ? "" : ref)
                        + "”不是段落位置），这项更正不会生效：" + name(id) + "。"));
            } else if (known.get() != Correction.Field.ASPECT && ref != null && !ref.isEmpty()) {
                problems.add(new Problem(Kind.BAD_CORRECTION, subject, "“" + known.get().label() + "”的更正不应指明段落位置（“" + ref
                        + "”）：" + name(id) + "。"));
            }
        });
    }

    // ---- the unit directory

    private void units(List<Problem> problems) throws SQLException {
        if (!hasTable("unit_units") || !hasTable("unit_names") || !hasTable("unit_uses") || !hasTable("unit_state")) {
            return; // an archive from before the directory: opening it brings the reports in
        }
        Map<Long, String> display = new HashMap<>();
        Map<Long, Long> mergedInto = new HashMap<>();
        forEachRow("SELECT id, display, merged_into FROM unit_units ORDER BY id", rs -> {
            long id = rs.getLong(1);
            display.put(id, rs.getString(2));
            long up = rs.getLong(3);
            if (!rs.wasNull()) {
                mergedInto.put(id, up);
            }
        });
        for (Map.Entry<Long, Long> m : mergedInto.entrySet()) {
            if (!display.containsKey(m.getValue())) {
                problems.add(new Problem(Kind.UNIT_DIRECTORY, "unit " + m.getKey(), "单位目录中“" + display.get(m.getKey())
                        + "”被合并进的单位（编号 " + m.getValue() + "）不存在。"));
            } else if (root(m.getKey(), mergedInto) == null) {
                problems.add(new Problem(Kind.UNIT_DIRECTORY, "unit " + m.getKey(), "单位目录中“" + display.get(m.getKey())
                        + "”的合并关系绕成了一个圈，无法确定它最终属于哪个单位。"));
            }
        }
        Map<String, Long> homeOfName = new HashMap<>();
        forEachRow("SELECT name, home FROM unit_names ORDER BY rowid", rs -> {
            String name = rs.getString(1);
            long home = rs.getLong(2);
            homeOfName.put(name, home);
            if (!display.containsKey(home)) {
                problems.add(new Problem(Kind.UNIT_DIRECTORY, "name " + name, "单位目录中名称“" + name + "”所属的单位（编号 "
                        + home + "）不存在。"));
            }
        });
        Map<String, String> used = new HashMap<>();
        forEachRow("SELECT report_id, name FROM unit_uses ORDER BY report_id", rs -> {
            String id = rs.getString(1);
            String name = rs.getString(2);
            used.put(id, name);
            // a row of a report that is gone is no fault: a delete leaves it, a backup taken while an import
            // records its name before its row has it, and every reader of the names joins the reports
            if (reports.containsKey(id) && !homeOfName.containsKey(name)) {
                problems.add(new Problem(Kind.UNIT_DIRECTORY, id, "材料所记的单位名称“" + name + "”不在单位目录中：" + name(id) + "。"));
            }
        });
        if (reconcilePending()) {
            return; // the next opening of the archive puts every report under its unit: nothing to hold them to yet
        }
        for (Map.Entry<String, Row> r : reports.entrySet()) {
            String id = r.getKey();
            String unit = r.getValue().unit();
            String name = used.get(id);
            if (unit == null) {
                continue;
            }
            if (name == null) {
                problems.add(new Problem(Kind.UNIT_DIRECTORY, id, "材料的单位“" + unit + "”没有记入单位目录：" + name(id) + "。"));
                continue;
            }
            Long home = homeOfName.get(name);
            Long root = home == null || !display.containsKey(home) ? null : root(home, mergedInto);
            String shown = root == null ? null : display.get(root);
            if (shown != null && !shown.equals(unit)) {
                problems.add(new Problem(Kind.UNIT_DIRECTORY, id, "材料显示的单位“" + unit + "”与单位目录不符（目录中“" + name
                        + "”属于“" + shown + "”）：" + name(id) + "。"));
            }
        }
    }

    /** The unit a unit is finally merged into; null when its merges go round or lead to a unit that is gone. */
    private static Long root(long unit, Map<Long, Long> mergedInto) {
        long at = unit;
        for (int steps = 0; steps <= mergedInto.size(); steps++) {
            Long up = mergedInto.get(at);
            if (up == null) {
                return at;
            }
            at = up;
        }
        return null;
    }

    /** As {@link UnitTables}: the directory not yet brought in, or a merge cut short. */
    private boolean reconcilePending() throws SQLException {
        Set<String> keys = new HashSet<>();
        forEachRow("SELECT key FROM unit_state", rs -> keys.add(rs.getString(1)));
        return !keys.contains("migrated") || keys.contains("dirty");
    }
}
