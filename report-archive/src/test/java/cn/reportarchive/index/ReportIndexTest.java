package cn.reportarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportIndexTest {
    @TempDir
    Path dir;

    private static Report report(String id) {
        return new ReportParser(AspectTaxonomy.defaults()).parse(String.join("\n", "某局2023年度民主生活会对照检查材料",
                "现对照检查如下：", "一、存在的问题", "（一）理论学习方面", "我们认真学习，但仍有差距：", "1.学习不系统。",
                "2.学用脱节。")).withSource(id, "0".repeat(64), "a.txt", "text/plain");
    }

    @Test
    void changesAreInvisibleUntilCommitted() throws Exception {
        try (ReportIndex index = new ReportIndex(dir, Analyzers.passages())) {
            index.put(report("r1"));
            assertTrue(index.reportIds().isEmpty());
            index.commit();
            assertEquals(Set.of("r1"), index.reportIds());
            IndexSearcher searcher = index.acquire();
            try {
                // title, preface paragraph, section heading, block heading, block intro, two items
                assertEquals(7, searcher.count(new TermQuery(new Term(Fields.REPORT_ID, "r1"))));
            } finally {
                index.release(searcher);
            }
            index.remove("r1");
            assertEquals(Set.of("r1"), index.reportIds());
            index.commit();
            assertTrue(index.reportIds().isEmpty());
        }
    }

    @Test
    void uncommittedWorkIsLostOnClose() throws Exception {
        try (ReportIndex index = new ReportIndex(dir, Analyzers.passages())) {
            index.put(report("r1"));
            index.commit();
            index.put(report("r2"));
        }
        try (ReportIndex index = new ReportIndex(dir, Analyzers.passages())) {
            assertEquals(Set.of("r1"), index.reportIds());
        }
    }

    /** An index as written before passages were ordered by length and the words view lost its positions. */
    private void writeEarlierFormat() throws Exception {
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig(Analyzers.passages()))) {
            Document doc = new Document();
            doc.add(new StringField(Fields.REPORT_ID, "old", Field.Store.YES));
            doc.add(new SortedDocValuesField(Fields.REPORT_ID, new BytesRef("old")));
            doc.add(new TextField(Fields.TEXT, "学习不系统。", Field.Store.YES));
            writer.addDocument(doc);
            writer.commit();
        }
    }

    @Test
    void anIndexInTheEarlierFormatTakesNewReportsAndIsRebuiltInTheCurrentOne() throws Exception {
        writeEarlierFormat();
        try (ReportIndex index = new ReportIndex(dir, Analyzers.passages())) {
            assertFalse(index.ordered());
            index.put(report("r1")); // the words field keeps its positions: no clash of field options
            index.commit();
            assertEquals(Set.of("old", "r1"), index.reportIds());

            index.removeAll();
            assertEquals(Set.of("old", "r1"), index.reportIds(), "the last commit is served until the rebuild commits");
            index.put(report("r1"));
            index.commit();
            assertTrue(index.ordered());
            assertEquals(Set.of("r1"), index.reportIds());
        }
        try (ReportIndex index = new ReportIndex(dir, Analyzers.passages())) {
            assertTrue(index.ordered());
            assertEquals(Set.of("r1"), index.reportIds());
        }
    }
}
