package cn.reportarchive.search;

import cn.reportarchive.index.UnitScope;
import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

/**
 * A searcher whose scores come from the statistics of some units' passages only (rarity of a word,
 * average passage length), for a caller limited to those units: its scores and its order of hits
 * stay byte-identical when another unit's report is imported or deleted. What the caller may
 * match is still decided by the access filter of the query; this only decides how it is weighed.
 */
final class UnitScopedSearcher extends IndexSearcher {
    private final UnitScope scope;
    private final java.util.Map<String, CollectionStatistics> fields = new java.util.concurrent.ConcurrentHashMap<>();

    UnitScopedSearcher(IndexReader reader, Collection<String> units) throws IOException {
        super(reader);
        this.scope = UnitScope.of(reader, units);
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics known = fields.get(field);
        if (known != null) {
            return known;
        }
        long[] lengths = scope.lengths(getIndexReader(), field);
        long docs = Math.max(1, lengths[0]);
        long sum = Math.max(docs, lengths[1]);
        // the same figures whatever lies outside the scope; never null, which would mean "no such field"
        CollectionStatistics stats = new CollectionStatistics(field, Math.max(docs, scope.size()), docs, sum, sum);
        fields.put(field, stats);
        return stats;
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        long[] f = scope.frequencies(getIndexReader(), term);
        // a term found only outside the scope weighs as if once inside: it matches nothing the caller sees
        long df = Math.max(1, f[0]);
        return new TermStatistics(term.bytes(), df, Math.max(df, f[1]));
    }
}
