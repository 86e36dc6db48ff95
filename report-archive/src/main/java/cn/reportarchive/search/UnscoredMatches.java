package cn.reportarchive.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A query's matches in index order, neither scored nor counted: whether any passage matches, the first
 * few, and which of several words each of them holds. Partial matching asks only such questions, and a
 * scored search answers them slowly: its scorers read impacts and score every candidate. At 100,000
 * reports, under a section filter, whether three or four common words stand together (or any three of
 * four) took 3-70 ms as a top-one scored search and 0.3-1.5 ms asked this way.
 */
final class UnscoredMatches {
    /** Told each match in turn; false stops the walk. */
    interface Visitor {
        boolean visit(int doc) throws IOException;
    }

    private UnscoredMatches() {
    }

    /** Each live match of the query, in index order (its global document number), until the visitor stops. */
    static void forEach(IndexSearcher searcher, Query query, Visitor visitor) throws IOException {
        Weight weight = unscored(searcher, query);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator docs = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            Bits live = leaf.reader().getLiveDocs();
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                if ((live == null || live.get(d)) && (twoPhase == null || twoPhase.matches())
                        && !visitor.visit(leaf.docBase + d)) {
                    return;
                }
            }
        }
    }

    /** Whether any live passage matches. */
    static boolean any(IndexSearcher searcher, Query query) throws IOException {
        boolean[] found = {false};
        forEach(searcher, query, doc -> {
            found[0] = true;
            return false;
        });
        return found[0];
    }

    /**
     * At most how many passages the query can match, from its terms' document frequencies alone (a phrase
     * or a conjunction: its rarest term; alternatives: their sum), read without visiting a posting.
     */
    static long upperBound(IndexSearcher searcher, Query query) throws IOException {
        return upperBound(searcher, unscored(searcher, query));
    }

    private static long upperBound(IndexSearcher searcher, Weight weight) throws IOException {
        long cost = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            if (supplier != null) {
                cost += supplier.cost();
            }
        }
        return cost;
    }

    private static Weight unscored(IndexSearcher searcher, Query query) throws IOException {
        return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    /**
     * Which of up to 64 queries a passage matches, for passages asked in increasing order (as
     * {@link #forEach} visits them): each query's iterator only moves forward, so a walk over the
     * first matches of one query reads each word's postings once; {@link #restart} begins another walk.
     */
    static final class Holding {
        private final IndexSearcher searcher;
        private final Weight[] weights;
        private final TwoPhaseIterator[] twoPhases;
        private final DocIdSetIterator[] docs;
        private int leafIndex = -1;
        private LeafReaderContext leaf;

        Holding(IndexSearcher searcher, List<Query> queries) throws IOException {
            if (queries.size() > Long.SIZE) {
                throw new IllegalArgumentException(queries.size() + " queries");
            }
            this.searcher = searcher;
            this.weights = new Weight[queries.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = unscored(searcher, queries.get(i));
            }
            this.twoPhases = new TwoPhaseIterator[weights.length];
            this.docs = new DocIdSetIterator[weights.length];
        }

        /** {@link UnscoredMatches#upperBound} of query i. */
        long upperBound(int i) throws IOException {
            return UnscoredMatches.upperBound(searcher, weights[i]);
        }

        /** Ready for another walk from the start of the index (the queries' weights are kept). */
        void restart() {
            leafIndex = -1;
            leaf = null;
        }

        /** Bit i set when the passage matches query i. */
        long mask(int doc) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            int in = ReaderUtil.subIndex(doc, leaves);
            if (in != leafIndex) {
                if (in < leafIndex) {
                    throw new IllegalStateException("passages asked out of order");
                }
                leafIndex = in;
                leaf = leaves.get(in);
                for (int i = 0; i < weights.length; i++) {
                    Scorer scorer = weights[i].scorer(leaf);
                    twoPhases[i] = scorer == null ? null : scorer.twoPhaseIterator();
                    docs[i] = scorer == null ? null : twoPhases[i] == null ? scorer.iterator() : twoPhases[i].approximation();
                }
            }
            int local = doc - leaf.docBase;
            long mask = 0;
            for (int i = 0; i < weights.length; i++) {
                DocIdSetIterator it = docs[i];
                if (it == null) {
                    continue;
                }
                if (it.docID() < local) {
                    it.advance(local);
                } else if (it.docID() > local) {
                    continue;
                }
                if (it.docID() == local && (twoPhases[i] == null || twoPhases[i].matches())) {
                    mask |= 1L << i;
                }
            }
            return mask;
        }
    }
}
