package cn.reportarchive.index;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.DataDirectory;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.search.SearchHit;
import cn.reportarchive.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written before titles and headings were passages (format 1: no format in its commit data,
 * no heading or title documents) is rebuilt from the catalog when the archive opens, so that what a
 * reader sees is searchable without a reindex; so is one of format 2 (before the triples); a
 * current index is left as it is.
 */
@Tag("integration")
class IndexFormatTest {
    @TempDir
    Path dir;

    @Test
    void anIndexOfTheEarlierFormatIsRebuiltWhenTheArchiveOpens() throws Exception {
        String id;
        try (Application app = Application.open(dir, ExtractionLimits.defaults())) {
            id = app.archive().importFile("linjiang-czj-2024.doc",
                    Files.readAllBytes(Path.of("sample-docs", "linjiang-czj-2024.doc")), ImportMetadata.NONE).id();
            assertTrue(headingHits(app) > 0);
        }
        // what the earlier version wrote: no heading or title passages, and no format in the commit data
        Path index = new DataDirectory(dir).index();
        try (Directory d = FSDirectory.open(index);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.passages())
                     .setIndexSort(ReportIndex.PASSAGE_ORDER).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.deleteDocuments(new TermQuery(new Term(Fields.PASSAGE, "heading")), new TermQuery(new Term(Fields.PASSAGE, "title")));
            w.setLiveCommitData(Map.<String, String>of().entrySet());
            w.commit();
        }
        try (Directory d = FSDirectory.open(index)) {
            assertFalse(SegmentInfos.readLatestCommit(d).getUserData().containsKey(ReportIndex.FORMAT_KEY));
        }
        try (Application app = Application.open(dir, ExtractionLimits.defaults())) {
            assertTrue(headingHits(app) > 0, "rebuilt at open: the headings are found again");
            assertTrue(app.archive().get(id).isPresent());
        }
        try (Directory d = FSDirectory.open(index)) {
            assertEquals(ReportIndex.FORMAT, SegmentInfos.readLatestCommit(d).getUserData().get(ReportIndex.FORMAT_KEY));
        }
        long generation = generation(index);
        try (Application app = Application.open(dir, ExtractionLimits.defaults())) {
            assertTrue(headingHits(app) > 0);
        }
        assertEquals(generation, generation(index), "a current index is not rebuilt again");

        // format 2 (before the triples): its passages lack the triples a long run is searched by,
        // so it is rebuilt too, and a long run is found in it afterwards
        try (Directory d = FSDirectory.open(index);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.passages())
                     .setIndexSort(ReportIndex.PASSAGE_ORDER).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(Map.of(ReportIndex.FORMAT_KEY, "2").entrySet());
            w.commit();
        }
        long before = generation(index);
        try (Application app = Application.open(dir, ExtractionLimits.defaults())) {
            assertTrue(app.search().search(SearchRequest.of("力戒形式主义官僚主义")).total() > 0);
        }
        assertTrue(generation(index) > before, "rebuilt");
        try (Directory d = FSDirectory.open(index)) {
            assertEquals(ReportIndex.FORMAT, SegmentInfos.readLatestCommit(d).getUserData().get(ReportIndex.FORMAT_KEY));
        }
    }

    private static long generation(Path index) throws Exception {
        try (Directory d = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(d).getGeneration();
        }
    }

    private static long headingHits(Application app) throws Exception {
        List<SearchHit> hits = app.search().search(new SearchRequest("力戒形式主义官僚主义", null, null, null, null, 1, 50)).hits();
        return hits.stream().filter(h -> h.passage().equals("heading")).count();
    }
}
