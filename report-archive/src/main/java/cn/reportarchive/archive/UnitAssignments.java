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

    /** The reports now shown under these unit names put under their units' current names; the ids of those that moved. */
    List<String> reassign(Collection<String> shownUnits) throws SQLException, IOException {
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
        return moved.stream().map(Report::id).toList();
    }

    /**
     * Every catalogued report checked against the directory, from the catalog's id and unit columns
     * (no report body is read but those that move): a report without a recorded name is recorded
     * under the unit it shows (typed as typed, or the name read from the text), and one whose unit is
     * shown under another name now is re-put. Says how many moved.
     */
    int reconcileAll() throws SQLException, IOException {
        Map<String, String> unitById = catalog.unitById();
        Map<String, String> used = units.usedNames();
        Map<String, String> unrecorded = new LinkedHashMap<>();
        unitById.forEach((id, unit) -> {
            if (unit != null && !used.containsKey(id)) {
                unrecorded.put(id, unit);
            }
        });
        Map<String, String> recorded = units.register(unrecorded);
        int moved = 0;
        List<Report> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : unitById.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String now = recorded.containsKey(e.getKey()) ? recorded.get(e.getKey()) : units.unitOf(used.get(e.getKey()));
            if (!Objects.equals(now, e.getValue())) {
                changed.add(catalog.get(e.getKey()).orElseThrow().report().withMetadata(now, null, null));
                moved++;
            }
            if (changed.size() >= PAGE) {
                apply(changed);
                changed.clear();
            }
        }
        apply(changed);
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
