package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.compare.CommonProblems;
import cn.reportarchive.compare.CopyCheck;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Correction.Field;
import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.WarningCode;
import cn.reportarchive.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections against a real archive: they reach search, lists, copy checks and common problems at
 * once, last through reindex and a restart, are serialised when two people correct at once; a report
 * without unit or year stays out of archive-wide results until corrected; delete takes everything.
 */
@Tag("integration")
class CorrectionArchiveTest {
    @TempDir
    Path data;

    private static Corrections.Request fields(Field f1, String v1, Field f2, String v2) {
        Map<Field, String> m = new EnumMap<>(Field.class);
        m.put(f1, v1);
        if (f2 != null) {
            m.put(f2, v2);
        }
        return new Corrections.Request(m, Map.of());
    }

    private static boolean involves(List<CopyCheck.Pair> pairs, String id) {
        return pairs.stream().anyMatch(p -> p.copy().reportId().equals(id) || p.source().reportId().equals(id));
    }

    private static boolean involves(Application app, String id) throws Exception {
        for (CommonProblems.Group g : app.compare().common(null, 100)) {
            if (g.examples().stream().anyMatch(l -> l.reportId().equals(id))) {
                return true;
            }
        }
        return false;
    }

    private static long hits(Application app, String query, String unit) throws Exception {
        return app.search().search(new SearchRequest(query, null, unit, null, null, 1, 50)).total();
    }

    @Test
    void anIncompleteReportStaysOutUntilCorrectedAndTheCorrectionReachesEveryView() throws Exception {
        String realId;
        String partId;
        try (Application app = ArchiveFixture.open(data)) {
            realId = app.archive().importFile("shenji-2023.txt", AuditReports.genuine(), ImportMetadata.NONE).id();
            partId = app.archive().importFile("scan.txt", AuditReports.incomplete(), ImportMetadata.NONE).id();
            Report part = app.archive().get(partId).orElseThrow();
            assertNull(part.unit());
            assertNull(part.year());
            assertTrue(part.warnings().stream().anyMatch(w -> w.code() == WarningCode.NO_UNIT));
            assertTrue(part.warnings().stream().anyMatch(w -> w.code() == WarningCode.NO_YEAR));

            // the genuine report is not accused of copying one that cannot be placed
            assertFalse(involves(app.copies().pairs(100), partId), app.copies().pairs(100).toString());
            assertFalse(involves(app, partId));
            // the incomplete one can still be checked by itself, against the genuine one
            assertTrue(app.copies().check(partId).share() > 0.5);

            ReportArchive.Edited edit = app.archive().edit(partId,
                    fields(Field.UNIT, "青山县审计局", Field.YEAR, "2024"), "wang").orElseThrow();
            Report after = edit.after();
            assertEquals("青山县审计局", after.unit());
            assertEquals(2024, after.year());
            assertTrue(after.warnings().stream().noneMatch(w -> w.code().isMetadata()), after.warnings().toString());
            Correction unit = after.corrections().stream().filter(c -> c.field() == Field.UNIT).findFirst().orElseThrow();
            assertNull(unit.original());
            assertEquals("wang", unit.by());

            // at once: list, search facets and filters, copy pairs (the index noticed), common problems
            assertEquals(List.of(partId), app.archive().summaries("青山县审计局", null).stream().map(s -> s.id()).toList());
            assertTrue(app.archive().summaries(null, null).stream().filter(s -> s.id().equals(partId))
                    .allMatch(s -> s.warnings().stream().noneMatch(w -> w.code().isMetadata())));
            assertTrue(hits(app, "大数据审计", "青山县审计局") > 0, hits(app, "大数据审计", null) + " " + app.search().search(new SearchRequest("大数据审计", null, null, null, null, 1, 50)).facets());
            List<CopyCheck.Pair> pairs = app.copies().pairs(100);
            assertTrue(involves(pairs, partId), pairs.toString());
            CopyCheck.Pair pair = pairs.get(0);
            assertEquals(partId, pair.copy().reportId()); // the later year is the copy
            assertEquals("青山县审计局", pair.copy().unit());
            assertTrue(involves(app, partId));

            // a second correction changes the unit again: search and the copy index follow
            app.archive().edit(partId, fields(Field.UNIT, "云溪县审计局", null, null), "zhang");
            assertEquals(0, hits(app, "大数据审计", "青山县审计局"));
            assertTrue(hits(app, "大数据审计", "云溪县审计局") > 0);
            assertEquals("云溪县审计局", app.copies().pairs(100).get(0).copy().unit());

            ReportArchive.ReindexResult reindex = app.archive().reindex();
            assertTrue(reindex.problems().isEmpty(), reindex.problems().toString());
            assertEquals(0, reindex.extracted()); // the kept texts were parsed, no original extracted
            assertEquals("云溪县审计局", app.archive().get(partId).orElseThrow().unit());
            assertTrue(hits(app, "大数据审计", "云溪县审计局") > 0);
        }
        try (Application app = ArchiveFixture.open(data)) {
            Report again = app.archive().get(partId).orElseThrow();
            assertEquals("云溪县审计局", again.unit());
            assertEquals(2024, again.year());
            assertEquals(2, again.corrections().size());
            assertEquals("zhang", again.corrections().stream().filter(c -> c.field() == Field.UNIT)
                    .findFirst().orElseThrow().by());
            assertEquals(2, app.archive().corrections(partId).size());
            assertEquals(realId, app.copies().pairs(100).get(0).source().reportId());
        }
    }

    @Test
    void aCorrectedUnitResolvesThroughTheUnitDirectory() throws Exception {
        try (Application app = ArchiveFixture.open(data)) {
            String realId = app.archive().importFile("shenji-2023.txt", AuditReports.genuine(), ImportMetadata.NONE).id();
            String partId = app.archive().importFile("scan.txt", AuditReports.incomplete(), ImportMetadata.NONE).id();
            String unit = app.archive().get(realId).orElseThrow().unit();
            Report after = app.archive().edit(partId, fields(Field.UNIT, "中共临江县审计局党组", Field.YEAR, "2022"), "wang")
                    .orElseThrow().after();
            assertEquals(unit, after.unit()); // the typed name is one of the unit's names
            assertEquals("中共临江县审计局党组", after.corrections().stream().filter(c -> c.field() == Field.UNIT)
                    .findFirst().orElseThrow().value());
            assertEquals(2, app.archive().summaries("临江县审计局党组领导班子", null).size());
            app.archive().reindex();
            assertEquals(unit, app.archive().get(partId).orElseThrow().unit());
        }
    }

    @Test
    void aBadCorrectionOrAnUnknownReportChangesNothing() throws Exception {
        try (Application app = ArchiveFixture.open(data)) {
            String id = app.archive().importFile("shenji-2023.txt", AuditReports.genuine(), ImportMetadata.NONE).id();
            Report before = app.archive().get(id).orElseThrow();
            for (Corrections.Request bad : List.of(fields(Field.YEAR, "1850", null, null),
                    fields(Field.YEAR, "二〇二一年的某天", Field.UNIT, "临江县财政局"),
                    fields(Field.UNIT, "\u0007\u0008", null, null), fields(Field.KIND, "committee", null, null),
                    new Corrections.Request(Map.of(), Map.of(ItemRef.parse("problems/7"), "theory")))) {
                Corrections.Refused refused = assertThrows(Corrections.Refused.class, () -> app.archive().edit(id, bad, "wang"));
                assertTrue(refused.getMessage().matches(".*[\\u4e00-\\u9fff].*。"), refused.getMessage());
            }
            assertEquals(before, app.archive().get(id).orElseThrow());
            assertTrue(app.archive().corrections(id).isEmpty());
            assertTrue(app.archive().edit("0000000000000000", fields(Field.YEAR, "2021", null, null), "wang").isEmpty());
        }
    }

    @Test
    void twoPeopleCorrectingAtOnceAreServedOneAfterTheOther() throws Exception {
        try (Application app = ArchiveFixture.open(data)) {
            String id = app.archive().importFile("shenji-2023.txt", AuditReports.genuine(), ImportMetadata.NONE).id();
            String fileTitle = app.archive().get(id).orElseThrow().title();
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ReportArchive.Edited>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                Callable<ReportArchive.Edited> job = () -> {
                    start.await();
                    // half correct the title, half the post: the same field and different fields at once
                    Corrections.Request r = n % 2 == 0 ? fields(Field.TITLE, "更正标题" + n, null, null)
                            : fields(Field.POST, "职务" + n, null, null);
                    return app.archive().edit(id, r, "user" + n).orElseThrow();
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            List<ReportArchive.Edited> edits = new ArrayList<>();
            for (Future<ReportArchive.Edited> f : futures) {
                edits.add(f.get());
            }
            pool.shutdown();
            Report last = app.archive().get(id).orElseThrow();
            // one correction per field, nothing of the other field lost
            assertEquals(1, last.corrections().stream().filter(c -> c.field() == Field.TITLE).count());
            assertEquals(1, last.corrections().stream().filter(c -> c.field() == Field.POST).count());
            assertTrue(last.title().startsWith("更正标题"));
            assertTrue(last.post().startsWith("职务"));
            assertEquals(fileTitle, last.corrections().stream().filter(c -> c.field() == Field.TITLE)
                    .findFirst().orElseThrow().original());
            // serialised: each edit's "before" is the file's title or another edit's "after", and only one saw the file's
            long sawFile = edits.stream().filter(e -> e.before().title().equals(fileTitle)).count();
            long titleEditsSawFile = edits.stream().filter(e -> e.made().get(0).field() == Field.TITLE)
                    .filter(e -> e.before().title().equals(fileTitle)).count();
            assertEquals(1, titleEditsSawFile);
            assertTrue(sawFile >= 1);
            List<String> afters = edits.stream().map(e -> e.after().title()).toList();
            for (ReportArchive.Edited e : edits) {
                assertTrue(e.before().title().equals(fileTitle) || afters.contains(e.before().title()));
            }
        }
    }

    @Test
    void theKeptTextIsWhatReindexReadsAndAnOldArchiveIsExtractedOnce() throws Exception {
        String id;
        try (Application app = ArchiveFixture.open(data)) {
            id = app.archive().importFile("linjiang-sjj-2023.docx",
                    java.nio.file.Files.readAllBytes(ArchiveFixture.sample("linjiang-sjj-2023.docx")), ImportMetadata.NONE).id();
            app.archive().importFile("shenji-2023.txt", AuditReports.genuine(), ImportMetadata.NONE);
        }
        // the stored text stands in for the original: a word changed in it (and only there) is found after reindex
        try (Connection db = catalog()) {
            try (Statement s = db.createStatement()) {
                assertEquals(2, count(s, "SELECT count(*) FROM texts"));
            }
            var q = db.prepareStatement("SELECT encoding, body, media_type, ocr FROM texts WHERE id = ?");
            q.setString(1, id);
            var rs = q.executeQuery();
            rs.next();
            StoredText kept = new StoredText(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getInt(4) == 1, List.of());
            assertEquals(StoredText.DEFLATED, kept.encoding()); // Chinese prose deflates well
            String text = kept.text().text();
            assertTrue(text.contains("理论学习"));
            StoredText edited = StoredText.of(new cn.reportarchive.extract.ExtractedText(
                    text.replace("理论学习", "理论学习紫丁香"), kept.mediaType(), kept.ocr()));
            var u = db.prepareStatement("UPDATE texts SET body = ?, encoding = ? WHERE id = ?");
            u.setBytes(1, edited.bytes());
            u.setString(2, edited.encoding());
            u.setString(3, id);
            assertEquals(1, u.executeUpdate());
        }
        try (Application app = ArchiveFixture.open(data)) {
            assertEquals(0, hits(app, "紫丁香", null));
            ReportArchive.ReindexResult r = app.archive().reindex();
            assertEquals(2, r.reparsed());
            assertEquals(0, r.extracted());
            assertTrue(hits(app, "紫丁香", null) > 0);
        }
        // an archive from before the texts: reindex extracts each original once, and keeps its text
        try (Connection db = catalog(); Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM texts");
        }
        try (Application app = ArchiveFixture.open(data)) {
            ReportArchive.ReindexResult first = app.archive().reindex();
            assertEquals(2, first.extracted());
            assertEquals(0, hits(app, "紫丁香", null));
            ReportArchive.ReindexResult second = app.archive().reindex();
            assertEquals(0, second.extracted());
            assertEquals(2, second.reparsed());
        }
    }

    @Test
    void deleteTakesTheReportOutOfEveryResultAndLeavesTheArchiveSound() throws Exception {
        String realId;
        String copyId;
        try (Application app = ArchiveFixture.open(data)) {
            realId = app.archive().importFile("shenji-2023.txt", AuditReports.genuine(), ImportMetadata.NONE).id();
            copyId = app.archive().importFile("qingshan-2024.txt",
                    AuditReports.text("中共青山县审计局党组", "青山县审计局党组领导班子2024年度民主生活会对照检查材料"), ImportMetadata.NONE).id();
            app.archive().edit(copyId, fields(Field.TITLE, "青山县审计局2024年对照检查材料（更正）", null, null), "wang");
            assertTrue(involves(app.copies().pairs(100), copyId));
            assertTrue(involves(app, copyId));
            assertTrue(app.archive().delete(copyId));
            assertTrue(app.archive().get(copyId).isEmpty());
            assertTrue(app.archive().corrections(copyId).isEmpty());
            assertTrue(app.archive().summaries(null, null).stream().noneMatch(s -> s.id().equals(copyId)));
            assertEquals(0, hits(app, "大数据审计", "青山县审计局"));
            assertFalse(involves(app.copies().pairs(100), copyId));
            assertFalse(involves(app, copyId));
            assertTrue(app.copies().check(realId).sources().isEmpty());
            assertFalse(app.archive().delete(copyId));
        }
        try (Connection db = catalog(); Statement s = db.createStatement()) {
            assertEquals(0, count(s, "SELECT count(*) FROM corrections"));
            assertEquals(1, count(s, "SELECT count(*) FROM texts"));
        }
        ArchiveVerifier.Findings findings = new ArchiveVerifier(data).verify();
        assertTrue(findings.ok(), findings.problems().toString());
        assertEquals(1, findings.reports());
    }

    private Connection catalog() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db").toAbsolutePath());
    }

    private static long count(Statement s, String sql) throws Exception {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
