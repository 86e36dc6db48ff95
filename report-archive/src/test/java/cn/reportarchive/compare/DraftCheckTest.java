package cn.reportarchive.compare;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ArchiveState;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.DataDirectory;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 核对草稿 over the sample archive: nothing is stored, the answer is 对比's for the same pair when the
 * draft is the archived file itself, the draft's year is found, and every bad draft is one sentence.
 */
@Tag("integration")
class DraftCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("sample-docs");
    @TempDir
    static Path dir;
    static Application app;

    @BeforeAll
    static void importSamples() throws Exception {
        app = Application.open(dir, ExtractionLimits.defaults());
        app.bulkImport().run(BulkImport.plan(List.of(SAMPLES)), ImportMetadata.NONE, o -> { });
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    private static DraftResult check(String file, byte[] bytes, String unit, String author, Integer year) throws Exception {
        return app.drafts().check(new DraftCheck.Draft(file, bytes, unit, author, year), app.compare());
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    @Test
    void aDraftIsComparedAsCompareWouldCompareTheArchivedFile() throws Exception {
        for (String[] c : List.of(new String[] {"linjiang-czj-2023.pdf", "临江县财政局", null, "2022", "2023"},
                new String[] {"qingshan-scjg-zhoulixin-2024.docx", "青山区市场监督管理局", "周立新", "2023", "2024"},
                new String[] {"yunxi-dw-2024.doc", "中共云溪镇委员会", null, "2023", "2024"})) {
            DraftResult d = check(c[0], sample(c[0]), c[1], c[2], null);
            Comparison expected = app.compare().compare(c[1], c[2], Integer.parseInt(c[3]), Integer.parseInt(c[4]));
            JsonNode got = JSON.valueToTree(d);
            assertEquals(JSON.valueToTree(expected.repeats()), got.get("repeats"), c[0]);
            assertEquals(JSON.valueToTree(expected.measures()), got.get("measures"), c[0]);
            assertEquals(JSON.valueToTree(expected.aspects()), got.get("aspects"), c[0]);
            assertTrue(got.get("to").get("reportId").isNull(), "the draft has no report id: " + got.get("to"));
            assertEquals(Integer.parseInt(c[4]), got.get("to").get("year").asInt());
            assertEquals(expected.from().reportId(), got.get("from").get("reportId").asText());
            assertEquals(expected.unit(), got.get("unit").asText());
            // a draft of a year already archived says which archived report it was compared with
            assertEquals(expected.to().reportId(), d.draft().sameYear().reportId());
            assertTrue(d.draft().sameYear().identical());
            assertTrue(d.draft().comparedWith().contains(expected.from().reportId()), d.draft().comparedWith());
            assertTrue(d.draft().comparedWith().contains("同一文件"), d.draft().comparedWith());
            assertFalse(expected.repeats().isEmpty(), "the samples plant repeats in every pair");
        }
    }

    @Test
    void theMeasuresItSaysNothingAboutAreListed() throws Exception {
        DraftResult d = check("draft.txt", Files.readAllBytes(Path.of("tools/samples/linjiang-czj-2023.txt")), "临江县财政局", null, null);
        List<Comparison.MeasureFollowUp> silent = d.comparison().measures().stream()
                .filter(m -> m.status() == MeasureStatus.NO_TRACE).toList();
        assertFalse(silent.isEmpty(), "the samples plant measures never mentioned again");
        assertEquals(silent, d.notAccounted().measures());
        assertEquals("以下 " + silent.size() + " 条上年措施在草稿中未见下文", d.notAccounted().message());
        assertEquals(DraftResult.YearSource.TEXT, d.draft().yearSource());
        assertEquals(2023, d.draft().year());
        assertFalse(d.draft().sameYear().identical(), "a .txt of the same report is not the archived .pdf");
        JsonNode json = JSON.valueToTree(d);
        assertEquals("text", json.get("draft").get("yearSource").asText());
        assertEquals(silent.size(), json.get("notAccounted").get("measures").size());
    }

    @Test
    void theYearIsGivenOrReadOrTheYearAfterTheLatest() throws Exception {
        String text = Files.readString(Path.of("tools/samples/yunxi-dw-2024.txt"));
        String undated = text.replace("2024", "202X").replace("二〇二四", "二〇二X");
        DraftResult next = check("undated.txt", undated.getBytes(StandardCharsets.UTF_8), "云溪镇", null, null);
        assertEquals(DraftResult.YearSource.NEXT, next.draft().yearSource());
        assertEquals(2025, next.draft().year());
        assertEquals(2024, next.comparison().from().year());
        assertNull(next.draft().sameYear());
        DraftResult given = check("given.txt", text.getBytes(StandardCharsets.UTF_8), "云溪镇", null, 2023);
        assertEquals(DraftResult.YearSource.GIVEN, given.draft().yearSource());
        assertEquals(2022, given.comparison().from().year());
    }

    @Test
    void theCheckStoresNothing() throws Exception {
        Path data = dir;
        Map<String, String> before = ArchiveState.of(data);
        int reports = app.archive().count();
        Set<String> originals = listing(new DataDirectory(data).originals());
        int passages = passages();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> temp = listing(tmp);
        long started = System.currentTimeMillis();

        check("draft.docx", sample("linjiang-sjj-2023.docx"), "临江县审计局", null, null); // through the worker
        check("draft.pdf", sample("yunxi-dw-2023.pdf"), "云溪镇", null, null);
        check("draft.txt", Files.readAllBytes(Path.of("tools/samples/qingshan-scjg-2023.txt")), "青山区市场监督管理局", null, null);
        assertThrows(CompareException.class, () -> check("x.txt", "今天开会。".getBytes(StandardCharsets.UTF_8), "云溪镇", null, null));

        assertEquals(reports, app.archive().count());
        assertEquals(originals, listing(new DataDirectory(data).originals()));
        assertEquals(passages, passages());
        assertEquals(before, ArchiveState.of(data), "not a byte of the data directory changed");
        Set<String> added = new TreeSet<>(listing(tmp));
        added.removeAll(temp);
        // the machine is shared (other processes' OCR pages come and go): only what these drafts, none of
        // them a scan, could have left counts — Tika's, POI's and Jetty's temporary files
        added.removeIf(name -> !name.matches("(?i).*(tika|poi|multipart|jetty|draft).*")
                || new File(tmp.toFile(), name).lastModified() < started);
        assertEquals(Set.of(), added, "temporary files left behind");
    }

    @Test
    void badDraftsAreOneSentence() throws Exception {
        byte[] good = Files.readAllBytes(Path.of("tools/samples/linjiang-czj-2023.txt"));
        CompareException e = assertThrows(CompareException.class, () -> check("d.txt", good, " ", null, null));
        assertEquals(CompareException.Reason.BAD_REQUEST, e.reason());
        e = assertThrows(CompareException.class, () -> check("d.txt", new byte[0], "临江县财政局", null, null));
        assertEquals(CompareException.Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("文件为空") && !e.getMessage().contains("导入"), e.getMessage());
        e = assertThrows(CompareException.class, () -> check("d.txt",
                "关于做好秋季防汛工作的通知\n各村：请加强巡查，确保安全。".getBytes(StandardCharsets.UTF_8), "临江县财政局", null, null));
        assertEquals(CompareException.Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("不是一份对照检查材料"), e.getMessage());
        e = assertThrows(CompareException.class, () -> check("d.bin", randomBytes(), "临江县财政局", null, null));
        assertEquals(CompareException.Reason.UNREADABLE, e.reason());
        e = assertThrows(CompareException.class, () -> check("d.txt", good, "没有这个单位", null, null));
        assertEquals(CompareException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("没有这个单位"), e.getMessage());
        // the unit is archived, but not the year before the draft's
        e = assertThrows(CompareException.class, () -> check("d.txt", good, "临江县财政局", null, 2022));
        assertEquals(CompareException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("2021") && e.getMessage().contains("无法核对 2022 年的草稿"), e.getMessage());
        e = assertThrows(CompareException.class, () -> check("d.txt", good, "临江县财政局", "不存在的人", null));
        assertEquals(CompareException.Reason.NOT_FOUND, e.reason());
        e = assertThrows(CompareException.class, () -> check("d.txt", good, "临江县财政局", null, 1850));
        assertEquals(CompareException.Reason.BAD_REQUEST, e.reason());
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        return b;
    }

    private static int passages() throws Exception {
        IndexSearcher s = app.archive().index().acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            app.archive().index().release(s);
        }
    }

    private static Set<String> listing(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return new TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }
}
