package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk import written in many batches ends with the index in one segment (faster to search), with
 * every report still found; one file added to a larger archive does not rewrite the index.
 */
class IndexMergeTest {
    @TempDir
    Path dir;

    @Test
    void aBulkImportInBatchesEndsInOneSegmentAndOneFileDoesNotRewriteTheIndex() throws Exception {
        List<UnitReports.Fixture> fixtures = new ArrayList<>(UnitReports.finance());
        fixtures.addAll(UnitReports.farming());
        List<Path> files = new ArrayList<>();
        for (UnitReports.Fixture f : fixtures) {
            files.add(f.writeTo(dir.resolve("in")));
        }
        try (Application app = Application.open(dir.resolve("data"), ExtractionLimits.defaults())) {
            // a batch a file: a commit, and so a segment, per report before the merge
            ImportSummary summary = new BulkImport(app.archive(), 1, 1).run(BulkImport.plan(files), ImportMetadata.NONE, o -> { });
            assertEquals(fixtures.size(), summary.imported());
            assertEquals(1, app.archive().index().segments(), app.archive().index().describe());
            assertTrue(app.archive().index().describe().contains("1 segments"), app.archive().index().describe());
            long found = app.search().search(new SearchRequest("调查研究", null, null, null, null, 1, 20)).total();
            assertTrue(found > 0);

            // a tenth or less of the archive: left to Lucene's own merges
            for (int i = 0; i < 6; i++) { // other bytes each time: other files of the same text
                String text = UnitReports.audit().get(i % 2).text() + "\n".repeat(i + 1);
                app.archive().importFile("extra-" + i + ".txt", text.getBytes(StandardCharsets.UTF_8), ImportMetadata.NONE);
            }
            int before = app.archive().index().segments();
            assertTrue(before > 1, "each import its own segment: " + before);
            UnitReports.Fixture late = UnitReports.farmingLate();
            new BulkImport(app.archive(), 1, 1).run(BulkImport.plan(List.of(late.writeTo(dir.resolve("late")))),
                    ImportMetadata.NONE, o -> { });
            assertEquals(before + 1, app.archive().index().segments(), "one file among ten: no merge");
            assertTrue(found <= app.search().search(new SearchRequest("调查研究", null, null, null, null, 1, 20)).total());
        }
    }
}
