package cn.reportarchive.archive;

import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps every stored report under its unit's current name (see {@link UnitDirectory}): after a merge
 * or an unmerge the reports of the units involved are re-put, and on open an archive whose reports
 * were never brought into the directory (an archive from before it) or whose last merge was cut
 * short is gone through whole. The index is committed before the catalog rows are rewritten, and the
 * directory's mark is cleared last: a crash anywhere leaves the mark, and the next open does it again.
 * Runs under the archive's write lock.
 */
final class UnitAssignments {
    private static final int PAGE = 500;

    private final Catalog catalog;
    private final ReportIndex index;
    private final UnitDirectory units;

    UnitAssignments(Catalog catalog, ReportIndex index, UnitDirectory units) {
        this.catalog = catalog;
        this.index = index;
        this.units = units;
    }

    /** The reports now shown under these unit names put under their units' current names; how many moved. */
    int reassign(Collection<String> shownUnits) throws SQLException, IOException {
        List<Report> moved = new ArrayList<>();
        for (String shown : shownUnits) {
            for (StoredReport s : catalog.list(shown, null)) {
                Report r = s.report();
                String written = units.usedName(r.id());
                String now = units.unitOf(written != null ? written : r.unit());
                if (!Objects.equals(now, r.unit())) {
                    moved.add(r.withMetadata(now, null, null));
                }
            }
        }
        apply(moved);
        units.reconciled();
        return moved.size();
    }

    /**
     * Every catalogued report checked against the directory, page by page: a report without a
     * recorded name is recorded under the unit it shows (typed as typed, or the name read from the
     * text), and one whose unit is shown under another name now is re-put. Says how many moved.
     */
    int reconcileAll() throws SQLException, IOException {
        int moved = 0;
        String after = "";
        for (List<StoredReport> page = catalog.page(after, PAGE); !page.isEmpty(); page = catalog.page(after, PAGE)) {
            Map<String, String> unrecorded = new LinkedHashMap<>();
            List<Report> reports = new ArrayList<>();
            for (StoredReport s : page) {
                Report r = s.report();
                reports.add(r);
                if (r.unit() != null && units.usedName(r.id()) == null) {
                    unrecorded.put(r.id(), r.unit());
                }
            }
            Map<String, String> recorded = units.register(unrecorded);
            List<Report> changed = new ArrayList<>();
            for (Report r : reports) {
                if (r.unit() == null) {
                    continue;
                }
                String now = recorded.containsKey(r.id()) ? recorded.get(r.id()) : units.unitOf(units.usedName(r.id()));
                if (!Objects.equals(now, r.unit())) {
                    changed.add(r.withMetadata(now, null, null));
                }
            }
            apply(changed);
            moved += changed.size();
            after = page.get(page.size() - 1).report().id();
        }
        units.reconciled();
        return moved;
    }

    private void apply(List<Report> changed) throws SQLException, IOException {
        if (changed.isEmpty()) {
            return;
        }
        for (Report r : changed) {
            index.put(r);
        }
        index.commit();
        catalog.updateAll(changed);
    }
}
