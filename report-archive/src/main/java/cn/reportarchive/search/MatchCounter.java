package cn.reportarchive.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Finds the top hits of a query and its matches (for the total and the facet counts) without
 * visiting every match of a broad query. A pilot sample of the index (every {@code blocks / MIN_BLOCKS}-th
 * block) estimates how many matches there are. A query whose estimate is below twice the {@code sample}
 * size (and so below twice the {@code bound}: the defaults are equal) is counted in full, in the pass that
 * finds its top hits: exact in every respect. A broader one is not counted: its top hits are found by a
 * pass that lets the scorers skip passages that cannot reach them (block-max WAND; passages are in length
 * order, so most of a broad query's are skipped), exact, while the total and the facets are estimated from
 * a systematic sample of the index holding about {@code sample} matches, and say so. Should that sample
 * find no more than {@code bound} matches after all, the query is counted in full instead.
 *
 * <p>Before, the first {@code bound} matches were counted exactly to prove a query broad; in an index
 * ordered by passage length those are the shortest passages, few of which hold a run, so the proof cost
 * a scan of much of the index, and its density estimate sized the sample too large.
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

    /**
     * Facets of an exact count beyond twice this many matches are counted on a sample of about this many
     * (a fixed share of the index's blocks, as the estimates of broad queries are): counting every match
     * of such a query was a seventh of a search's time (issue 16), and a facet value's count in the
     * thousands is read as a size, not checked to the unit. The total stays exact.
     */
    static final int DEFAULT_FACET_SAMPLE = 2_000;

    /**
     * Matching passages as counted: all of them, or a sample whose counts are multiplied by {@code scale}.
     * {@code facetSample}: for an exact count whose facets are counted on a sample of its matches, the
     * sample (the facet counts are then scaled by the total over the sampled matches); null: every match.
     */
    record Matches(FacetsCollector docs, long total, boolean exact, double scale, SampleQuery facetSample) {
        Matches(FacetsCollector docs, long total, boolean exact, double scale) {
            this(docs, total, exact, scale, null);
        }

        /** Whether the facet counts made from these matches are exact. */
        boolean facetsExact() {
            return exact && facetSample == null;
        }
    }

    /** The top hits of a query, exact, and its matches. */
    record Found(TopDocs top, Matches matches) {
    }

    private final int bound;
    private final int sample;
    private final int block;
    private final int facetSample;

    /** Facets of exact counts counted in full. */
    MatchCounter(int bound, int sample, int block) {
        this(bound, sample, block, Integer.MAX_VALUE);
    }

    MatchCounter(int bound, int sample, int block, int facetSample) {
        this.bound = bound;
        this.sample = sample;
        this.block = block;
        this.facetSample = facetSample;
    }

    static MatchCounter defaults() {
        return new MatchCounter(DEFAULT_BOUND, DEFAULT_SAMPLE, DEFAULT_BLOCK, DEFAULT_FACET_SAMPLE);
    }

    /** The first {@code window} hits by score ({@code order} null) or by that order, and the matches. */
    Found search(IndexSearcher searcher, Query query, int window, Sort order) throws IOException {
        Matches sampled = sampled(searcher, query);
        if (sampled != null) {
            // the hits alone: the collector may let the scorers skip once it holds the window
            TopDocs top = order == null ? searcher.search(query, new TopScoreDocCollectorManager(window, null, window))
                    : searcher.search(query, new TopFieldCollectorManager(order, window, null, window));
            return new Found(top, sampled);
        }
        // every match scored and kept, in one pass
        Object[] all = searcher.search(query, new MultiCollectorManager(order == null
                ? new TopScoreDocCollectorManager(window, null, Integer.MAX_VALUE)
                : new TopFieldCollectorManager(order, window, null, Integer.MAX_VALUE), new FacetsCollectorManager()));
        return new Found((TopDocs) all[0], withFacetSample(exact((FacetsCollector) all[1]), searcher));
    }

    /** The matches of a query, for facet counts alone. */
    Matches count(IndexSearcher searcher, Query query) throws IOException {
        Matches sampled = sampled(searcher, query);
        return sampled != null ? sampled
                : withFacetSample(exact(searcher.search(query, new FacetsCollectorManager())), searcher);
    }

    /**
     * An exact count of more than twice {@link #facetSample} matches with a sample of its matches for the
     * facets: every {@code stride}-th block, the stride giving about {@code facetSample} of them and at least
     * {@link #MIN_BLOCKS} blocks of the index (neighbouring passages are alike). A count too small for that,
     * or an index with too few blocks, keeps every match.
     */
    private Matches withFacetSample(Matches all, IndexSearcher searcher) {
        if (all.total() <= 2L * facetSample) {
            return all;
        }
        int widest = searcher.getIndexReader().maxDoc() / block / MIN_BLOCKS;
        int stride = (int) Math.min(all.total() / facetSample, widest);
        return stride < 2 ? all : new Matches(all.docs(), all.total(), true, 1, new SampleQuery(stride, block));
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
     * {@link #MIN_BLOCKS} blocks, with the stride set by a pilot sample of exactly {@link #MIN_BLOCKS}
     * blocks (which serves as the sample itself for the broadest queries). Null for a query to count in
     * full: an index too small to sample, an estimate below twice the sample (sampling half the index
     * costs no less than counting all of it), or a sample that finds no more than the bound.
     */
    private Matches sampled(IndexSearcher searcher, Query query) throws IOException {
        int maxDoc = searcher.getIndexReader().maxDoc();
        int widest = maxDoc / block / MIN_BLOCKS;
        // a query whose terms' frequencies already bound it below the threshold is counted in full straight
        // away: the pilot sample would only have confirmed it
        if (widest < 2 || UnscoredMatches.upperBound(searcher, query) <= 2L * bound) {
            return null;
        }
        SampleQuery pilotSampler = new SampleQuery(widest, block);
        FacetsCollector pilot = searcher.search(sampleOf(query, pilotSampler), new FacetsCollectorManager());
        double expected = exact(pilot).total() / pilotSampler.coverage(maxDoc);
        int stride = (int) Math.min(expected / sample, widest);
        if (stride < 2 || expected <= 2.0 * bound) {
            return null;
        }
        SampleQuery sampler = stride == widest ? pilotSampler : new SampleQuery(stride, block);
        FacetsCollector docs = stride == widest ? pilot
                : searcher.search(sampleOf(query, sampler), new FacetsCollectorManager());
        double scale = 1 / sampler.coverage(maxDoc);
        long total = Math.round(exact(docs).total() * scale);
        return total <= bound ? null : new Matches(docs, total, false, scale);
    }

    private static Query sampleOf(Query query, SampleQuery sampler) {
        return new BooleanQuery.Builder().add(query, Occur.FILTER).add(sampler, Occur.FILTER).build();
    }
}
