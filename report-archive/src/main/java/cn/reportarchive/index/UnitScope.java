package cn.reportarchive.index;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SmallFloat;

/**
 * The passages of some units, as a set of documents of one index reader, with the statistics a
 * score or a weight needs counted over them alone. A caller limited to its units must see scores
 * and similarities that do not move when another unit's report is imported or deleted (else it
 * could watch, through its own numbers, what other units wrote): statistics over the whole index
 * would move; these do not.
 */
public final class UnitScope {
    private final FixedBitSet[] docs;
    private final int size;

    private UnitScope(FixedBitSet[] docs, int size) {
        this.docs = docs;
        this.size = size;
    }

    /** The live passages of the reader whose unit field is one of these names. */
    public static UnitScope of(IndexReader reader, Collection<String> units) throws IOException {
        Query q = new TermInSetQuery(Fields.UNIT, units.stream().map(BytesRef::new).toList());
        IndexSearcher plain = new IndexSearcher(reader);
        Weight w = plain.createWeight(plain.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = reader.leaves();
        FixedBitSet[] docs = new FixedBitSet[leaves.size()];
        int size = 0;
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet bits = new FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
            Scorer s = w.scorer(leaf);
            Bits live = leaf.reader().getLiveDocs();
            if (s != null) {
                DocIdSetIterator it = s.iterator();
                for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if (live == null || live.get(d)) {
                        bits.set(d);
                        size++;
                    }
                }
            }
            docs[leaf.ord] = bits;
        }
        return new UnitScope(docs, size);
    }

    /** How many passages are in scope. */
    public int size() {
        return size;
    }

    /** {documents holding the term, its occurrences} over the passages in scope. */
    public long[] frequencies(IndexReader reader, Term term) throws IOException {
        long df = 0;
        long ttf = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum p = leaf.reader().postings(term, PostingsEnum.FREQS);
            if (p == null) {
                continue;
            }
            FixedBitSet in = docs[leaf.ord];
            int d = p.nextDoc();
            while (d != DocIdSetIterator.NO_MORE_DOCS) { // leapfrog: a common term costs the scope's size, not the index's
                if (in.get(d)) {
                    df++;
                    ttf += p.freq();
                    d = p.nextDoc();
                } else {
                    int next = d + 1 < in.length() ? in.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS;
                    d = next == DocIdSetIterator.NO_MORE_DOCS ? next : p.advance(next);
                }
            }
        }
        return new long[] {df, ttf};
    }

    /**
     * {passages in scope with the field, the sum of their lengths}: the lengths as the index keeps
     * them for scoring (its norms, one byte each), so the average is the one BM25 would compute
     * over these passages alone.
     */
    public long[] lengths(IndexReader reader, String field) throws IOException {
        long count = 0;
        long sum = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues norms = leaf.reader().getNormValues(field);
            if (norms == null) {
                continue;
            }
            FixedBitSet in = docs[leaf.ord];
            for (int d = in.length() > 0 ? in.nextSetBit(0) : DocIdSetIterator.NO_MORE_DOCS;
                    d != DocIdSetIterator.NO_MORE_DOCS; d = d + 1 < in.length() ? in.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                if (norms.advanceExact(d)) {
                    count++;
                    sum += SmallFloat.byte4ToInt((byte) norms.longValue());
                }
            }
        }
        return new long[] {count, sum};
    }
}
