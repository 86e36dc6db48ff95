package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.parse.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class BulkImportTest {
    @TempDir
    Path data;

    @TempDir
    Path folder;

    @Test
    void walksFoldersKeepsGoingPastBadFilesAndPassesOverOtherFiles() throws Exception {
        Files.write(folder.resolve("a.txt"), ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。"));
        Files.createDirectories(folder.resolve("2024/sub"));
        Files.write(folder.resolve("2024/sub/b.txt"), ArchiveFixture.report("中共临江县林业局党组", "2024", "调研不深。"));
        Files.write(folder.resolve("2024/broken.docx"), "not a word file".getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve("2024/empty.pdf"), new byte[0]);
        Files.write(folder.resolve("attendance.xlsx"), new byte[] {1, 2, 3});
        Files.write(folder.resolve("~$a.docx"), new byte[] {1, 2, 3});

        List<BulkImport.PlannedFile> plan = BulkImport.plan(List.of(folder));
        assertEquals(4, plan.size(), plan.toString());
        List<ImportOutcome> seen = new ArrayList<>();
        try (Application app = ArchiveFixture.open(data)) {
            ImportSummary summary = app.bulkImport().run(plan, ImportMetadata.NONE, seen::add);
            assertEquals(2, summary.imported());
            assertEquals(2, summary.failures().size());
            assertEquals(4, seen.size());
            assertEquals(2, app.archive().count());
            for (ImportOutcome failure : summary.failures()) {
                assertTrue(failure.error().length() > 4, failure.toString());
            }
            ImportSummary again = app.bulkImport().run(plan, ImportMetadata.NONE, o -> { });
            assertEquals(2, again.duplicates(), "a second run skips what is archived");
        }
    }

    @Test
    void metadataCsvFillsWhatFilesDoNotSayAndTheCommandLineStillWins() throws Exception {
        byte[] anonymous = String.join("\n", "领导干部2022民主生活会（六个方面）对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.调查研究不够深入。").getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve("anon.txt"), anonymous);
        Files.write(folder.resolve("other.txt"), ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够。"));
        // Excel on a Chinese Windows saves CSV in GBK
        Files.write(folder.resolve("metadata.csv"),
                "file,unit,year,author\nanon.txt,临江县审计局,,\nother.txt,,1999,\n".getBytes("GB18030"));
        try (Application app = ArchiveFixture.open(data)) {
            List<ImportOutcome> outcomes = new ArrayList<>();
            app.bulkImport().run(BulkImport.plan(List.of(folder)), new ImportMetadata(null, null, "李华"), outcomes::add);
            Report anon = report(app, outcomes, "anon.txt");
            assertEquals("临江县审计局", anon.unit());
            assertEquals(2022, anon.year());
            assertEquals("李华", anon.author());
            Report other = report(app, outcomes, "other.txt");
            assertEquals(1999, other.year());
            assertEquals("临江县林业局", other.unit());
        }
    }

    @Test
    void aYearInMetadataCsvThatIsNoNumberFailsThatFileWithAReason() throws Exception {
        Files.write(folder.resolve("a.txt"), ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够。"));
        Files.writeString(folder.resolve("metadata.csv"), "file,unit,year\na.txt,,二〇二三\n");
        try (Application app = ArchiveFixture.open(data)) {
            List<ImportOutcome> outcomes = new ArrayList<>();
            app.bulkImport().run(BulkImport.plan(List.of(folder)), ImportMetadata.NONE, outcomes::add);
            assertEquals(ImportOutcome.Status.FAILED, outcomes.get(0).status());
            assertTrue(outcomes.get(0).error().contains("metadata.csv"), outcomes.get(0).error());
        }
    }

    @Test
    void aParallelBatchedImportGivesTheSameArchiveAsOneFileAtATime(@TempDir Path other) throws Exception {
        List<BulkImport.PlannedFile> plan = BulkImport.plan(List.of(Path.of("sample-docs")));
        List<String> sequential;
        try (Application app = ArchiveFixture.open(data)) {
            new BulkImport(app.archive(), 1, 1).run(plan, ImportMetadata.NONE, o -> { });
            sequential = contents(app);
        }
        try (Application app = ArchiveFixture.open(other)) {
            ImportSummary summary = new BulkImport(app.archive(), 2, 4).run(plan, ImportMetadata.NONE, o -> { });
            assertEquals(15, summary.imported());
            assertEquals(sequential, contents(app));
        }
    }

    @Test
    void anInterruptedImportRunAgainEndsWithTheSameArchive(@TempDir Path other) throws Exception {
        List<BulkImport.PlannedFile> plan = BulkImport.plan(List.of(Path.of("sample-docs")));
        List<String> whole;
        try (Application app = ArchiveFixture.open(data)) {
            app.bulkImport().run(plan, ImportMetadata.NONE, o -> { });
            whole = contents(app);
        }
        try (Application app = ArchiveFixture.open(other)) {
            new BulkImport(app.archive(), 2, 4).run(plan.subList(0, 6), ImportMetadata.NONE, o -> { });
        }
        try (Application app = ArchiveFixture.open(other)) {
            ImportSummary resumed = app.bulkImport().run(plan, ImportMetadata.NONE, o -> { });
            assertEquals(6, resumed.duplicates());
            assertEquals(9, resumed.imported());
            assertEquals(whole, contents(app));
        }
    }

    @Test
    void theSameBytesTwiceInOneBatchAreOneReport() throws Exception {
        byte[] bytes = ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。");
        Files.write(folder.resolve("a.txt"), bytes);
        Files.write(folder.resolve("b.txt"), bytes);
        try (Application app = ArchiveFixture.open(data)) {
            List<ImportOutcome> seen = new ArrayList<>();
            new BulkImport(app.archive(), 2, 8).run(BulkImport.plan(List.of(folder)), ImportMetadata.NONE, seen::add);
            assertEquals(ImportOutcome.Status.IMPORTED, seen.get(0).status());
            assertEquals(ImportOutcome.Status.DUPLICATE, seen.get(1).status());
            assertEquals(seen.get(0).id(), seen.get(1).id());
            assertEquals(1, app.archive().count());
        }
    }

    /** Every report as JSON-ish text and the index's report ids: the archive's whole content. */
    private static List<String> contents(Application app) throws Exception {
        List<String> out = new ArrayList<>();
        for (StoredReport r : app.archive().list(null, null)) {
            out.add(r.report().toString() + " " + r.given());
        }
        out.add(new java.util.TreeSet<>(app.archive().index().reportIds()).toString());
        return out;
    }

    private static Report report(Application app, List<ImportOutcome> outcomes, String name) throws Exception {
        ImportOutcome outcome = outcomes.stream().filter(o -> o.file().endsWith(name)).findFirst().orElseThrow();
        return app.archive().get(outcome.id()).orElseThrow();
    }
}
