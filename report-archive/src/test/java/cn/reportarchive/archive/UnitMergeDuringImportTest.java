package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.extract.ExtractionLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merges and unmerges while reports of the units concerned are imported on other threads: at the
 * end every report, in the catalog and in the index, shows the unit its recorded name belongs to
 * now, whichever finished first.
 */
@Tag("integration")
class UnitMergeDuringImportTest {
    @TempDir
    Path data;

    private static byte[] report(int n, int year) {
        return String.join("\n", "领导班子" + year + "年度民主生活会对照检查材料", "现对照检查如下：", "一、存在的问题",
                "（一）理论学习方面", "1.第" + n + "条：对乡村振兴战略的理解不够深入，指导基层的办法不多。", "二、整改措施",
                "（一）加强学习", "1.每月开展一次专题学习。").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyReportEndsUnderItsNamesCurrentUnit() throws Exception {
        try (Application app = Application.open(data, ExtractionLimits.defaults())) {
            ReportArchive archive = app.archive();
            archive.importFile("a.txt", report(0, 2021), new ImportMetadata("中共临江县农业局党组", null, null));
            archive.importFile("b.txt", report(1, 2023), new ImportMetadata("临江县农业农村局", null, null));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<ImportOutcome>> imports = new ArrayList<>();
            for (int n = 2; n < 42; n++) {
                int i = n;
                String name = i % 2 == 0 ? "临江县农业局党组领导班子" : "中共临江县农业农村局党组";
                imports.add(pool.submit(() -> archive.importFile("r" + i + ".txt", report(i, 2000 + i % 20),
                        new ImportMetadata(name, null, null))));
            }
            for (int round = 0; round < 5; round++) {
                archive.mergeUnits(List.of("临江县农业局"), "临江县农业农村局", "test");
                archive.unmergeUnit("临江县农业局");
            }
            archive.mergeUnits(List.of("临江县农业局"), "临江县农业农村局", "test");
            for (Future<ImportOutcome> f : imports) {
                assertEquals(ImportOutcome.Status.IMPORTED, f.get().status(), f.get().toString());
            }
            pool.shutdown();

            assertEquals(42, archive.list("临江县农业局", null).size(), "all of them one unit after the last merge");
            assertEquals(42, archive.index().reportIds().size());
            IndexCheck.sameUnitEverywhere(app, "临江县农业农村局", 42);

            archive.unmergeUnit("临江县农业局");
            assertEquals(21, archive.list("临江县农业局", null).size(), "the 农业局 names' reports: a.txt and 20 imported");
            assertEquals(21, archive.list("临江县农业农村局", null).size());
            IndexCheck.sameUnitEverywhere(app, "临江县农业局", 21);
        }
    }

    /** The unit as the search index counts it agrees with the catalog. */
    static final class IndexCheck {
        static void sameUnitEverywhere(Application app, String unit, int reports) throws Exception {
            var result = app.search().search(new cn.reportarchive.search.SearchRequest("乡村振兴", null, unit, null, null, 1, 200));
            long distinct = result.hits().stream().map(h -> h.reportId()).distinct().count();
            assertEquals(reports, distinct, unit + " in the index");
            assertTrue(result.hits().stream().allMatch(h -> unit.equals(h.unit())));
        }
    }
}
