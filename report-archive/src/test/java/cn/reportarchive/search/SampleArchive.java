package cn.reportarchive.search;

import cn.reportarchive.Application;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.extract.ExtractionLimits;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The whole sample archive imported into a folder, with its reports by file name. */
final class SampleArchive {
    final Application app;
    final Map<String, String> idByFile = new HashMap<>();

    SampleArchive(Path dir) throws Exception {
        app = Application.open(dir, ExtractionLimits.defaults());
        app.bulkImport().run(BulkImport.plan(List.of(TestArchive.SAMPLES)), ImportMetadata.NONE, o -> { });
        for (StoredReport r : app.archive().list(null, null)) {
            idByFile.put(r.report().filename(), r.report().id());
        }
    }
}
