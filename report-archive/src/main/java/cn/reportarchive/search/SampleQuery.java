package cn.reportarchive.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * A systematic sample of the index: every document of every {@code stride}-th block of
 * {@code block} documents, starting half a stride in (the first block of a segment holds its
 * shortest passages, the least typical). As a filter beside a query it leads the conjunction, so the query is
 * evaluated on the sampled blocks only. Blocks are counted over the whole index, so every segment
 * and every stretch of a segment (passages are in length order) is sampled alike.
 */
final class SampleQuery extends Query {
    private final int stride;
    private final int block;

    SampleQuery(int stride, int block) {
        if (stride < 1 || block < 1) {
            throw new IllegalArgumentException("stride " + stride + ", block " + block);
        }
        this.stride = stride;
        this.block = block;
    }

    /** Share of an index of {@code maxDoc} documents that the sample covers. */
    double coverage(int maxDoc) {
        long covered = 0;
        for (long start = (long) (stride / 2) * block; start < maxDoc; start += (long) stride * block) {
            covered += Math.min(block, maxDoc - start);
        }
        return maxDoc == 0 ? 1 : (double) covered / maxDoc;
    }

    /**
     * The first sampled document at or after {@code target} of a segment of {@code maxDoc} documents whose
     * first is {@code docBase} in the index; {@link DocIdSetIterator#NO_MORE_DOCS} if none.
     */
    int next(int docBase, int target, int maxDoc) {
        return next(docBase, target, maxDoc, stride, block);
    }

    private static int next(int docBase, int target, int maxDoc, int stride, int block) {
        long global = (long) docBase + target;
        long n = global / block;
        long offset = stride / 2;
        if (n % stride != offset) {
            long next = n - n % stride + offset;
            global = (next > n ? next : next + stride) * block;
        }
        long local = global - docBase;
        return local >= maxDoc ? DocIdSetIterator.NO_MORE_DOCS : (int) local;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                return new ConstantScoreScorer(this, score(), scoreMode,
                        new Blocks(context.docBase, context.reader().maxDoc(), stride, block));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // a sample is cheap to make and would crowd real filters out of the cache
            }
        };
    }

    /** The sampled documents of one segment, whose first document is {@code docBase} in the index. */
    private static final class Blocks extends DocIdSetIterator {
        private final int docBase;
        private final int maxDoc;
        private final int stride;
        private final int block;
        private int doc = -1;

        Blocks(int docBase, int maxDoc, int stride, int block) {
            this.docBase = docBase;
            this.maxDoc = maxDoc;
            this.stride = stride;
            this.block = block;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            doc = next(docBase, target, maxDoc, stride, block);
            return doc;
        }

        @Override
        public long cost() {
            return Math.max(1, maxDoc / stride);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "sample(every " + stride + "th block of " + block + " documents)";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && stride == ((SampleQuery) other).stride && block == ((SampleQuery) other).block;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + stride) + block;
    }
}
