package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The unscored walk partial matching relies on, against Lucene's own scored search on a random index of
 * several segments with deleted passages: the same matches in the same order, phrases checked (a
 * two-phase match), deleted passages never visited, and each passage's words as the scored search sees them.
 */
class UnscoredMatchesTest {
    private static final String[] WORDS = {"a", "b", "c", "d", "e"};

    @Test
    void theWalkSeesWhatAScoredSearchFindsAndNoDeletedPassage() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexSearcher searcher = randomIndex(dir, 7);
            List<Query> words = words();
            List<Query> queries = new ArrayList<>(words);
            queries.add(new PhraseQuery("text", "a", "b"));
            queries.add(conjunction(words.subList(1, 4)));
            BooleanQuery.Builder some = new BooleanQuery.Builder().setMinimumNumberShouldMatch(3);
            words.forEach(w -> some.add(w, Occur.SHOULD));
            queries.add(some.build());
            queries.add(new TermQuery(new Term("text", "absent")));
            for (Query q : queries) {
                List<Integer> walked = new ArrayList<>();
                UnscoredMatches.forEach(searcher, q, doc -> walked.add(doc));
                assertEquals(scored(searcher, q), walked, q.toString());
                assertEquals(!walked.isEmpty(), UnscoredMatches.any(searcher, q), q.toString());
                assertTrue(walked.stream().noneMatch(d -> deleted(searcher, d)), q.toString());
            }
        }
    }

    @Test
    void aWalkStopsWhenTold() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexSearcher searcher = randomIndex(dir, 11);
            List<Integer> first = new ArrayList<>();
            UnscoredMatches.forEach(searcher, words().get(0), doc -> {
                first.add(doc);
                return first.size() < 3;
            });
            assertEquals(scored(searcher, words().get(0)).subList(0, 3), first);
        }
    }

    @Test
    void eachPassageHoldsTheWordsAScoredSearchFindsInIt() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexSearcher searcher = randomIndex(dir, 13);
            List<Query> queries = new ArrayList<>(words());
            queries.add(new PhraseQuery("text", "c", "d"));
            List<TreeSet<Integer>> holding = new ArrayList<>();
            for (Query q : queries) {
                holding.add(new TreeSet<>(scored(searcher, q)));
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            queries.forEach(q -> any.add(q, Occur.SHOULD));
            UnscoredMatches.Holding held = new UnscoredMatches.Holding(searcher, queries);
            int[] visited = {0};
            UnscoredMatches.forEach(searcher, any.build(), doc -> {
                long mask = held.mask(doc);
                for (int i = 0; i < queries.size(); i++) {
                    assertEquals(holding.get(i).contains(doc), (mask & 1L << i) != 0, queries.get(i) + " in " + doc);
                }
                visited[0]++;
                return true;
            });
            assertTrue(visited[0] > 100, "the walk crossed the segments");
            assertThrows(IllegalStateException.class, () -> held.mask(0), "passages asked out of order");
            held.restart(); // another walk from the start: the same answers
            for (int doc = 0; doc < 40; doc++) {
                if (deleted(searcher, doc)) {
                    continue; // asked of live passages only, as a walk visits them
                }
                long mask = held.mask(doc);
                for (int i = 0; i < queries.size(); i++) {
                    assertEquals(holding.get(i).contains(doc), (mask & 1L << i) != 0, "again: " + queries.get(i) + " in " + doc);
                }
            }
            for (int i = 0; i < queries.size(); i++) {
                assertTrue(held.upperBound(i) >= holding.get(i).size(), queries.get(i).toString());
            }
        }
    }

    @Test
    void theBoundIsNeverBelowTheMatches() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexSearcher searcher = randomIndex(dir, 17);
            for (Query q : List.of(words().get(1), new PhraseQuery("text", "a", "b"), conjunction(words()))) {
                assertTrue(UnscoredMatches.upperBound(searcher, q) >= scored(searcher, q).size(), q.toString());
            }
            assertFalse(UnscoredMatches.any(searcher, conjunction(List.of(words().get(0),
                    new TermQuery(new Term("text", "absent"))))));
        }
    }

    /** 600 passages of random words in several segments, every seventh of the first 300 deleted. */
    private static IndexSearcher randomIndex(Directory dir, long seed) throws Exception {
        Random random = new Random(seed);
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
                .setMaxBufferedDocs(50))) {
            for (int i = 0; i < 600; i++) {
                StringBuilder text = new StringBuilder();
                int length = 1 + random.nextInt(6);
                for (int w = 0; w < length; w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                doc.add(new TextField("text", text.toString(), Field.Store.NO));
                writer.addDocument(doc);
            }
            for (int i = 0; i < 300; i += 7) {
                writer.deleteDocuments(new Term("id", Integer.toString(i)));
            }
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        assertTrue(reader.leaves().size() > 1, "several segments");
        assertTrue(reader.hasDeletions());
        return new IndexSearcher(reader);
    }

    private static boolean deleted(IndexSearcher searcher, int doc) {
        var leaves = searcher.getIndexReader().leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        return leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc - leaf.docBase);
    }

    private static List<Query> words() {
        List<Query> out = new ArrayList<>();
        for (String w : WORDS) {
            out.add(new TermQuery(new Term("text", w)));
        }
        return out;
    }

    private static Query conjunction(List<Query> parts) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        parts.forEach(p -> b.add(p, Occur.MUST));
        return b.build();
    }

    /** The matches by Lucene's scored search, in index order. */
    private static List<Integer> scored(IndexSearcher searcher, Query q) throws Exception {
        ScoreDoc[] hits = searcher.search(q, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs;
        return new TreeSet<>(java.util.Arrays.stream(hits).map(h -> h.doc).toList()).stream().toList();
    }
}
