package cn.reportarchive.search;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ImportOutcome;
import cn.reportarchive.extract.ExtractionLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** An archive in a temporary folder, filled with sample documents, searched through the application. */
final class TestArchive {
    static final Path SAMPLES = Path.of("sample-docs").toAbsolutePath();

    private TestArchive() {
    }

    static Application open(Path dir) throws IOException, SQLException {
        return Application.open(dir, ExtractionLimits.defaults());
    }

    /** Imports sample documents by name; returns their ids in the same order. */
    static List<String> importSamples(Application app, String... names) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(importBytes(app, name, Files.readAllBytes(SAMPLES.resolve(name)), ImportMetadata.NONE));
        }
        return ids;
    }

    static String importBytes(Application app, String filename, byte[] bytes, ImportMetadata given) {
        ImportOutcome outcome = app.archive().importFile(filename, bytes, given);
        if (outcome.status() != ImportOutcome.Status.IMPORTED) {
            throw new AssertionError(filename + " not imported: " + outcome);
        }
        return outcome.id();
    }

    static SearchResult search(Application app, String query, Integer year, String unit, String aspect,
                               String section, int page, int size) throws Exception {
        return app.search().search(new SearchRequest(query, year, unit, aspect, section, page, size));
    }

    /** Every hit of a request, page after page. */
    static List<SearchHit> allHits(Application app, String query, Integer year, String unit, String aspect,
                                   String section) throws Exception {
        List<SearchHit> hits = new ArrayList<>();
        for (int page = 1; ; page++) {
            SearchResult r = search(app, query, year, unit, aspect, section, page, SearchRequest.MAX_SIZE);
            hits.addAll(r.hits());
            if (r.hits().size() < SearchRequest.MAX_SIZE || page > 100) {
                return hits;
            }
        }
    }

    static boolean hasHan(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
