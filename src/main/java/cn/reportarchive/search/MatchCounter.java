package cn.reportarchive.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Finds the top hits of a query and its matches (for the total and the facet counts) without
 * visiting every match of a broad query. One pass finds the top hits and keeps the matches up to
 * {@code bound}: a query with no more than that is exact in every respect. Past the bound the same
 * pass stops keeping matches and lets the scorers skip passages that cannot reach the top hits
 * (block-max WAND; passages are in length order, so most of a broad query's are skipped): the hits
 * stay exact, while the total and the facets are estimated from a systematic sample of the index
 * holding about {@code sample} matches, and say so.
 */
final class MatchCounter {
    /** Matches counted exactly by default: several pages of hits and their facets. */
    static final int DEFAULT_BOUND = 5_000;
    /** Matches a sample aims at by default: a total within a few per cent. */
    static final int DEFAULT_SAMPLE = 5_000;
    /** Documents in a sampled block: skipping to the next block is the sample's overhead. */
    static final int DEFAULT_BLOCK = 512;
    /** Fewest blocks a sample takes: neighbouring passages are alike (one report, one length), so many small clusters. */
    static final int MIN_BLOCKS = 200;

    /** Matching passages as counted: all of them, or a sample whose counts are multiplied by {@code scale}. */
    record Matches(FacetsCollector docs, long total, boolean exact, double scale) {
    }

    /** The top hits of a query, exact, and its matches. */
    record Found(TopDocs top, Matches matches) {
    }

    private final int bound;
    private final int sample;
    private final int block;

    MatchCounter(int bound, int sample, int block) {
        this.bound = bound;
        this.sample = sample;
        this.block = block;
    }

    static MatchCounter defaults() {
        return new MatchCounter(DEFAULT_BOUND, DEFAULT_SAMPLE, DEFAULT_BLOCK);
    }

    /** The first {@code window} hits by score ({@code order} null) or by that order, and the matches. */
    Found search(IndexSearcher searcher, Query query, int window, Sort order) throws IOException {
        CollectorManager<? extends Collector, ? extends TopDocs> top = order == null
                ? new TopScoreDocCollectorManager(window, null, bound)
                : new TopFieldCollectorManager(order, window, null, bound);
        FirstPass first = firstPass(searcher, query, top);
        return new Found(first.top(), first.complete() ? exact(first.docs()) : estimate(searcher, query, first.scanned()));
    }

    /** The matches of a query, for facet counts alone. */
    Matches count(IndexSearcher searcher, Query query) throws IOException {
        FirstPass first = firstPass(searcher, query, null);
        return first.complete() ? exact(first.docs()) : estimate(searcher, query, first.scanned());
    }

    private static Matches exact(FacetsCollector docs) {
        long total = 0;
        for (FacetsCollector.MatchingDocs m : docs.getMatchingDocs()) {
            total += m.totalHits;
        }
        return new Matches(docs, total, true, 1);
    }

    /**
     * The total and the facets from a sample of blocks: about {@link #sample} matches, from at least
     * {@link #MIN_BLOCKS} blocks. The density seen in the first pass sets the sample's stride; a query
     * with only a few more matches than the bound, or an index too small to sample, is counted in full,
     * which costs no more than sampling it.
     */
    private Matches estimate(IndexSearcher searcher, Query query, long scanned) throws IOException {
        int maxDoc = searcher.getIndexReader().maxDoc();
        double expected = (double) (bound + 1) * maxDoc / Math.max(1, scanned);
        long blocks = maxDoc / block;
        int stride = (int) Math.min(expected / sample, blocks / MIN_BLOCKS);
        if (stride < 2) {
            return exact(searcher.search(query, new FacetsCollectorManager()));
        }
        SampleQuery sampler = new SampleQuery(stride, block);
        Query sampled = new BooleanQuery.Builder().add(query, Occur.FILTER).add(sampler, Occur.FILTER).build();
        FacetsCollector docs = searcher.search(sampled, new FacetsCollectorManager());
        double scale = 1 / sampler.coverage(maxDoc);
        long counted = exact(docs).total();
        // the first pass saw bound + 1 matches: the estimate never says fewer
        long total = Math.max(bound + 1L, Math.round(counted * scale));
        return new Matches(docs, total, false, scale);
    }

    /** What the bounded first pass found, and how many documents of the index it had looked through. */
    private record FirstPass(TopDocs top, FacetsCollector docs, boolean complete, long scanned) {
    }

    private <C extends Collector, T extends TopDocs> FirstPass firstPass(IndexSearcher searcher, Query query,
            CollectorManager<C, T> topManager) throws IOException {
        C top = topManager == null ? null : topManager.newCollector();
        UpToBound pass = new UpToBound(top, bound);
        searcher.search(query, new CollectorManager<UpToBound, Void>() {
            @Override
            public UpToBound newCollector() {
                return pass; // no executor: one collector sees every segment in order
            }

            @Override
            public Void reduce(java.util.Collection<UpToBound> collectors) {
                return null;
            }
        });
        TopDocs topDocs = top == null ? null : topManager.reduce(List.of(top));
        return new FirstPass(topDocs, pass.matches, !pass.overflow, pass.scanned);
    }

    /**
     * Feeds every match to the top hits' collector (if any) and keeps the first {@code bound} matches.
     * The top hits' collector counts exactly up to the same bound before it lets the scorers skip, so
     * the matches kept are all there are when the bound is not passed. Without a top hits' collector
     * the search stops at the bound.
     */
    private static final class UpToBound implements Collector {
        private final Collector top;
        private final FacetsCollector matches = new FacetsCollector();
        private final int bound;
        private int seen;
        private boolean overflow;
        /** Documents of the index up to the match that passed the bound. */
        private long scanned;

        UpToBound(Collector top, int bound) {
            this.top = top;
            this.bound = bound;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (overflow && top == null) {
                throw new CollectionTerminatedException();
            }
            LeafCollector best = top == null ? null : top.getLeafCollector(context);
            LeafCollector kept = overflow ? null : matches.getLeafCollector(context);
            return new LeafCollector() {
                private LeafCollector keeping = kept;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    if (best != null) {
                        best.setScorer(scorer);
                    }
                    if (kept != null) {
                        kept.setScorer(scorer);
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (keeping != null) {
                        if (++seen <= bound) {
                            keeping.collect(doc);
                        } else {
                            overflow = true;
                            scanned = (long) context.docBase + doc + 1;
                            keeping = null;
                            if (best == null) {
                                throw new CollectionTerminatedException();
                            }
                        }
                    }
                    if (best != null) {
                        best.collect(doc);
                    }
                }

                @Override
                public DocIdSetIterator competitiveIterator() throws IOException {
                    return best == null ? null : best.competitiveIterator();
                }

                @Override
                public void finish() throws IOException {
                    if (best != null) {
                        best.finish();
                    }
                    if (kept != null) {
                        kept.finish();
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return top == null ? ScoreMode.COMPLETE_NO_SCORES : top.scoreMode();
        }
    }
}
