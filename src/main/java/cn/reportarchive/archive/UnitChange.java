package cn.reportarchive.archive;

import java.util.List;
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

    /** A unit's display name and every name recorded for it. */
    public record Names(String unit, List<String> names) {
        public Names {
            names = List.copyOf(names);
        }
    }
}
