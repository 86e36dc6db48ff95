package cn.reportarchive.search;

import cn.reportarchive.index.Fields;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;

/**
 * Counts of year, unit, aspect and section among matching passages (or a sample of them, scaled up).
 * The facet state of a reader is built once and kept until the index changes, since building it
 * reads every segment's ordinals.
 */
final class FacetCounter {
    /** Facet values listed per field; more units than this are a case for a unit filter. */
    private static final int MAX_VALUES = 500;

    private record Cached(IndexReader.CacheKey key, SortedSetDocValuesReaderState state) {
    }

    private final FacetsConfig config;
    private volatile Cached cached;

    FacetCounter(FacetsConfig config) {
        this.config = config;
    }

    /** Counts on the query's matches, or for a dimension in {@code sideways}, on the matches given there. */
    Map<String, Map<String, Integer>> count(IndexReader reader, MatchCounter.Matches matches,
                                            Map<String, MatchCounter.Matches> sideways) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String field : Fields.FACETS) {
            out.put(field, new LinkedHashMap<>());
        }
        SortedSetDocValuesReaderState state = state(reader);
        if (state == null) {
            return out;
        }
        SortedSetDocValuesFacetCounts main = null;
        for (String field : Fields.FACETS) {
            MatchCounter.Matches own = sideways.get(field);
            SortedSetDocValuesFacetCounts counts;
            double scale;
            if (own != null) {
                counts = new SortedSetDocValuesFacetCounts(state, own.docs());
                scale = own.scale();
            } else {
                if (main == null) {
                    main = new SortedSetDocValuesFacetCounts(state, matches.docs());
                }
                counts = main;
                scale = matches.scale();
            }
            FacetResult result;
            try {
                result = counts.getTopChildren(MAX_VALUES, field);
            } catch (IllegalArgumentException e) {
                continue; // this dimension has no value in the index yet
            }
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    out.get(field).put(lv.label, (int) Math.round(lv.value.intValue() * scale));
                }
            }
        }
        return out;
    }

    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        if (reader.maxDoc() == 0) {
            return null;
        }
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Cached c = cached;
        if (c != null && helper != null && c.key() == helper.getKey()) {
            return c.state();
        }
        try {
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
            if (helper != null) {
                cached = new Cached(helper.getKey(), state);
            }
            return state;
        } catch (IllegalArgumentException e) {
            return null; // no facet values indexed yet
        }
    }
}
