package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportKind;
import cn.reportarchive.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class ReportArchiveTest {
    @TempDir
    Path data;

    @Test
    void importsAFileAndGivesItBackByteForByte() throws Exception {
        byte[] bytes = Files.readAllBytes(ArchiveFixture.sample("linjiang-czj-2022.docx"));
        try (Application app = ArchiveFixture.open(data)) {
            ImportOutcome outcome = app.archive().importFile("linjiang-czj-2022.docx", bytes, ImportMetadata.NONE);
            assertEquals(ImportOutcome.Status.IMPORTED, outcome.status(), outcome.error());
            String sha = Hashes.sha256(bytes);
            assertEquals(sha.substring(0, 16), outcome.id());
            Report report = app.archive().get(outcome.id()).orElseThrow();
            assertEquals(sha, report.sha256());
            assertEquals("linjiang-czj-2022.docx", report.filename());
            assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.mediaType());
            assertEquals("临江县财政局", report.unit());
            ReportArchive.Original original = app.archive().original(outcome.id()).orElseThrow();
            assertArrayEquals(bytes, original.bytes());
            assertEquals("linjiang-czj-2022.docx", original.filename());
        }
    }

    @Test
    void theSameBytesTwiceAreOneReport() throws Exception {
        byte[] bytes = ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。");
        try (Application app = ArchiveFixture.open(data)) {
            ImportOutcome first = app.archive().importFile("a.txt", bytes, ImportMetadata.NONE);
            ImportOutcome second = app.archive().importFile("copy-of-a.txt", bytes, new ImportMetadata("别的单位", 2020, null));
            assertEquals(ImportOutcome.Status.DUPLICATE, second.status());
            assertEquals(first.id(), second.id());
            assertEquals(1, app.archive().count());
            assertEquals("临江县林业局", app.archive().get(first.id()).orElseThrow().unit(), "a duplicate changes nothing");
        }
    }

    @Test
    void givenMetadataWinsAndSurvivesAReindex() throws Exception {
        byte[] bytes = ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。");
        try (Application app = ArchiveFixture.open(data)) {
            String id = app.archive().importFile("a.txt", bytes, new ImportMetadata("临江县自然资源局", 2021, "王立"))
                    .id();
            Report r = app.archive().get(id).orElseThrow();
            assertEquals("临江县自然资源局", r.unit());
            assertEquals(2021, r.year());
            assertEquals("王立", r.author());
            assertEquals(ReportKind.PERSONAL, r.kind());
            app.archive().reindex();
            assertEquals(r, app.archive().get(id).orElseThrow());
            assertEquals(1, app.search().search(new SearchRequest("", 2021, "临江县自然资源局", null, null, 1, 10))
                    .hits().stream().map(h -> h.reportId()).distinct().count());
        }
    }

    @Test
    void aReportThatNamesNoYearOrUnitIsStillImported() throws Exception {
        byte[] bytes = String.join("\n", "领导干部民主生活会对照检查材料", "现对照检查如下：", "一、存在的问题",
                "1.调查研究不够深入。").getBytes(StandardCharsets.UTF_8);
        try (Application app = ArchiveFixture.open(data)) {
            ImportOutcome outcome = app.archive().importFile("untitled.txt", bytes, ImportMetadata.NONE);
            assertEquals(ImportOutcome.Status.IMPORTED, outcome.status());
            Report r = app.archive().get(outcome.id()).orElseThrow();
            assertNull(r.year());
            assertNull(r.unit());
            assertEquals(1, app.search().search(SearchRequest.of("调查研究")).total());
        }
    }

    @Test
    void aFailedImportTouchesNothing() throws Exception {
        try (Application app = ArchiveFixture.open(data)) {
            String good = app.archive().importFile("a.txt",
                    ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。"), ImportMetadata.NONE).id();
            List<Path> before = ArchiveFixture.storedFiles(data);
            List<byte[]> bad = List.of(new byte[0], "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1),
                    new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
            for (byte[] bytes : bad) {
                ImportOutcome outcome = app.archive().importFile("bad.docx", bytes, ImportMetadata.NONE);
                assertEquals(ImportOutcome.Status.FAILED, outcome.status());
                assertTrue(outcome.error().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN), outcome.error());
            }
            assertEquals(before, ArchiveFixture.storedFiles(data));
            assertEquals(1, app.archive().count());
            assertEquals(java.util.Set.of(good), app.archive().index().reportIds());
        }
    }

    @Test
    void deleteRemovesCatalogRowPassagesAndOriginal() throws Exception {
        try (Application app = ArchiveFixture.open(data)) {
            String id = app.archive().importFile("a.txt",
                    ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。"), ImportMetadata.NONE).id();
            assertEquals(1, ArchiveFixture.storedFiles(data).size());
            assertTrue(app.archive().delete(id));
            assertFalse(app.archive().delete(id));
            assertTrue(app.archive().get(id).isEmpty());
            assertEquals(0, app.search().search(SearchRequest.of("学习不够系统")).total());
            assertTrue(ArchiveFixture.storedFiles(data).isEmpty());
        }
    }

    @Test
    void nothingIsWrittenOnceTheArchiveIsShuttingDown() throws Exception {
        try (Application app = ArchiveFixture.open(data)) {
            app.archive().shutDown();
            ImportOutcome outcome = app.archive().importFile("a.txt",
                    ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。"), ImportMetadata.NONE);
            assertEquals(ImportOutcome.Status.NOT_STORED, outcome.status());
            assertTrue(outcome.error().contains("正在关闭"));
            assertEquals(0, app.archive().count());
            assertTrue(ArchiveFixture.storedFiles(data).isEmpty());
        }
    }
}
