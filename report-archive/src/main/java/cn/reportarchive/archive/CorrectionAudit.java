package cn.reportarchive.archive;

import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit log records of a correction, the same from the command line and the web: each
 * field with its value before and after (and what the file said), and the report it concerns.
 */
public final class CorrectionAudit {
    private CorrectionAudit() {
    }

    public static Map<String, Object> detail(ReportArchive.Edited edit) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Correction c : edit.made()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", c.field().key());
            if (c.ref() != null) {
                change.put("ref", c.ref().toString());
            }
            change.put("before", Corrections.value(edit.before(), c.field(), c.ref()));
            change.put("after", Corrections.value(edit.after(), c.field(), c.ref()));
            change.put("original", c.original());
            changes.add(change);
        }
        Map<String, Object> detail = about(edit.before());
        detail.put("changes", changes);
        return detail;
    }

    /** The report's particulars as the audit log names a report. */
    public static Map<String, Object> about(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", r.title());
        m.put("unit", r.unit());
        m.put("year", r.year());
        m.put("author", r.author());
        return m;
    }
}
