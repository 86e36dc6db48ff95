package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * A query counted in full gives the same hits, scores, total and matches whether it is scored and counted in
 * one pass or counted unscored and its hits found by a pass that skips (MatchCounter's choice by the query's
 * bound), on a random index of several segments with deletions and many equal scores, by score and by year.
 */
class MatchCounterTest {
    private static final String[] WORDS = {"a", "b", "c", "d", "e", "f"};
    private static final Sort BY_YEAR = new Sort(new SortField(RandomPassages.YEAR, SortField.Type.LONG, true),
            SortField.FIELD_SCORE);

    @Test
    void twoPassesFindWhatOneFinds() throws Exception {
        MatchCounter onePass = new MatchCounter(Integer.MAX_VALUE - 1, 1, 64, Integer.MAX_VALUE, Long.MAX_VALUE);
        MatchCounter twoPasses = new MatchCounter(Integer.MAX_VALUE - 1, 1, 64, Integer.MAX_VALUE, 0);
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexSearcher searcher = RandomPassages.open(dir, 23, WORDS);
            int compared = 0;
            for (Query q : queries()) {
                for (int window : new int[] {1, 7, 50, 1000}) {
                    for (Sort order : new Sort[] {null, BY_YEAR}) {
                        MatchCounter.Found one = onePass.search(searcher, q, window, order);
                        MatchCounter.Found two = twoPasses.search(searcher, q, window, order);
                        String what = q + " top " + window + (order == null ? "" : " by year");
                        assertEquals(hits(one.top().scoreDocs), hits(two.top().scoreDocs), what);
                        assertEquals(one.matches().total(), two.matches().total(), what);
                        assertTrue(one.matches().exact() && two.matches().exact(), what);
                        assertEquals(matched(one.matches().docs()), matched(two.matches().docs()), what);
                        compared += one.top().scoreDocs.length;
                    }
                }
            }
            assertTrue(compared > 1500, "enough hits compared: " + compared);
        }
    }

    /** Terms, a phrase, a conjunction, alternatives weighed apart (as related words are), and a rare phrase. */
    private static List<Query> queries() {
        List<Query> out = new ArrayList<>();
        out.add(new TermQuery(new Term(RandomPassages.TEXT, "a")));
        out.add(new PhraseQuery(RandomPassages.TEXT, "b", "c"));
        out.add(new BooleanQuery.Builder().add(new TermQuery(new Term(RandomPassages.TEXT, "d")), Occur.MUST)
                .add(new TermQuery(new Term(RandomPassages.TEXT, "e")), Occur.MUST).build());
        out.add(new BooleanQuery.Builder().setMinimumNumberShouldMatch(1)
                .add(new PhraseQuery(RandomPassages.TEXT, "a", "f"), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(RandomPassages.TEXT, "c")), 0.3f), Occur.SHOULD).build());
        out.add(new PhraseQuery(RandomPassages.TEXT, "f", "f", "a"));
        return out;
    }

    private static List<String> hits(ScoreDoc[] docs) {
        List<String> out = new ArrayList<>();
        for (ScoreDoc d : docs) {
            out.add(d.doc + ":" + d.score);
        }
        return out;
    }

    private static List<Integer> matched(FacetsCollector docs) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (FacetsCollector.MatchingDocs m : docs.getMatchingDocs()) {
            DocIdSetIterator it = m.bits.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                out.add(m.context.docBase + d);
            }
        }
        return out;
    }
}
