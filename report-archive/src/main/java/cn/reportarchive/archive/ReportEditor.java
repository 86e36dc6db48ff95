package cn.reportarchive.archive;

import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The correction path of the archive: a person's correction checked, turned into corrections
 * against the report as it stands, stored with the corrected report in one catalog transaction and
 * the report's passages put again into the index, all under the archive's write lock
 * ({@link WriteGuard}), so that two people correcting one report at once are served one after the
 * other (the second sees the first's values as "before").
 */
final class ReportEditor {
    private final WriteGuard guard;
    private final Catalog catalog;
    private final ReportIndex index;
    private final Corrections corrections;
    /** A corrected unit is resolved through the unit directory like a typed or read one. */
    private final UnaryOperator<Report> withUnit;
    /** Told the id of a report changed in place (the copy check's cache). */
    private final Consumer<String> changed;

    ReportEditor(WriteGuard guard, Catalog catalog, ReportIndex index, Corrections corrections,
                 UnaryOperator<Report> withUnit, Consumer<String> changed) {
        this.guard = guard;
        this.catalog = catalog;
        this.index = index;
        this.corrections = corrections;
        this.withUnit = withUnit;
        this.changed = changed;
    }

    /** See {@link ReportArchive#edit}. */
    Optional<ReportArchive.Edited> edit(String id, Corrections.Request request, String by)
            throws Corrections.Refused, SQLException, IOException {
        String problem = corrections.check(request);
        if (problem != null) {
            throw new Corrections.Refused(problem); // nothing is read or locked for a value that cannot be right
        }
        synchronized (guard.lock) {
            guard.checkOpen();
            Optional<StoredReport> stored = catalog.get(id);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Report before = stored.get().report();
            List<Correction> made = corrections.made(before, request, by, Instant.now().toString());
            Report after = withUnit.apply(Corrections.apply(before, Corrections.merged(catalog.corrections(id), made)));
            try {
                // should the process die between the two writes, the next open rebuilds the index from the catalog
                catalog.setIndexStale(true);
                catalog.correct(after, made);
                index.put(after);
                index.commit();
                catalog.setIndexStale(false);
            } catch (IOException | SQLException | RuntimeException e) {
                guard.troubled();
                throw e;
            }
            changed.accept(id);
            return Optional.of(new ReportArchive.Edited(before, after, made));
        }
    }

    /** The corrections people made to a report, as the catalog keeps them (also those a re-parse left unapplied). */
    List<Correction> corrections(String id) throws SQLException {
        return catalog.corrections(id);
    }
}
