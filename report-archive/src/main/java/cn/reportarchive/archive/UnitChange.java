package cn.reportarchive.archive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a merge or an unmerge changed: the unit named, the display names whose reports may now show
 * another unit (to be re-put), and each unit involved with its names before and after (for the audit log).
 */
public record UnitChange(String unit, Set<String> affected, List<Names> before, List<Names> after) {
    public UnitChange {
        affected = Set.copyOf(affected);
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** What the audit log keeps of the change: the names asked for and every unit's names before and after. */
    public Map<String, Object> auditDetail(List<String> asked, String into) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("names", asked);
        if (into != null) {
            detail.put("into", into);
        }
        detail.put("unit", unit);
        detail.put("before", before.stream().map(Names::asMap).toList());
        detail.put("after", after.stream().map(Names::asMap).toList());
        return detail;
    }

    /** A unit's display name and every name recorded for it. */
    public record Names(String unit, List<String> names) {
        public Names {
            names = List.copyOf(names);
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", unit);
            m.put("names", names);
            return m;
        }
    }
}
