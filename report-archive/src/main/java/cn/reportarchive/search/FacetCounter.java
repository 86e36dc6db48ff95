package cn.reportarchive.search;

import cn.reportarchive.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts of year, unit, aspect and section among matching passages (or a sample of them, scaled up).
 * Each segment's facet values are read once into small arrays (a value's number within its dimension,
 * per passage: about 5 bytes a passage) with their labels, and kept while the segment lives: counting
 * is then an array look-up per match and dimension, where reading the doc values of every match and
 * looking up the labels of up to 500 units took a fifth of a search's time. A segment whose passages
 * hold two values of one dimension (never written so) is counted through Lucene's facet counts.
 */
final class FacetCounter {
    /** Facet values listed per field; more units than this are a case for a unit filter. */
    private static final int MAX_VALUES = 500;

    private record Cached(IndexReader.CacheKey key, SortedSetDocValuesReaderState state) {
    }

    /**
     * One segment's values: per passage, for each dimension of {@link Fields#FACETS}, 16 bits holding the
     * value's number in that dimension plus one (0: none), all in one long so that a match costs one
     * memory access; and the labels by number. Null arrays: a multi-valued dimension.
     */
    private record SegmentValues(long[] values, String[][] labels) {
    }

    private final FacetsConfig config;
    private volatile Cached cached;
    private final Map<IndexReader.CacheKey, SegmentValues> segments = new ConcurrentHashMap<>();

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
        if (reader.maxDoc() == 0) {
            return out;
        }
        Labels labels = labels(reader);
        if (labels == null) {
            return countWithLucene(reader, matches, sideways, out);
        }
        int dims = Fields.FACETS.length;
        boolean[] ownDims = new boolean[dims];
        for (int d = 0; d < dims; d++) {
            ownDims[d] = !sideways.containsKey(Fields.FACETS[d]);
        }
        Counted main = count(labels, matches, ownDims);
        for (int d = 0; d < dims; d++) {
            MatchCounter.Matches own = sideways.get(Fields.FACETS[d]);
            int[] counts;
            double scale;
            if (own != null) {
                boolean[] only = new boolean[dims];
                only[d] = true;
                Counted counted = count(labels, own, only);
                counts = counted.counts()[d];
                scale = counted.scale();
            } else {
                counts = main.counts()[d];
                scale = main.scale();
            }
            top(counts, labels.names()[d], scale, out.get(Fields.FACETS[d]));
        }
        return out;
    }

    /** The most frequent values first, equal counts in label order (as Lucene's facet counts give them). */
    private static void top(int[] counts, String[] names, double scale, Map<String, Integer> out) {
        long[] ranked = new long[counts.length];
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                ranked[n++] = ((long) (Integer.MAX_VALUE - counts[i]) << 32) | i;
            }
        }
        Arrays.sort(ranked, 0, n);
        for (int k = 0; k < Math.min(n, MAX_VALUES); k++) {
            int i = (int) ranked[k];
            out.put(names[i], (int) Math.round(counts[i] * scale));
        }
    }

    /** Matches per value of the dimensions asked for, and what multiplies them into the counts to show. */
    private record Counted(int[][] counts, double scale) {
    }

    /**
     * Matches per value (numbered across the reader) of the dimensions asked for, in one pass over the
     * matches or over those in the matches' facet sample. A sample's counts are scaled by the exact total over
     * the matches it holds, so that the counts of a dimension add up to the total; a sample that holds none
     * of the matches (a query whose matches cluster between its blocks) is replaced by every match.
     */
    private Counted count(Labels labels, MatchCounter.Matches matches, boolean[] dims) throws IOException {
        if (matches.facetSample() != null) {
            int[][] counts = new int[dims.length][];
            long seen = count(labels, matches.docs(), dims, matches.facetSample(), counts);
            if (seen > 0) {
                return new Counted(counts, (double) matches.total() / seen);
            }
        }
        int[][] counts = new int[dims.length][];
        count(labels, matches.docs(), dims, null, counts);
        return new Counted(counts, matches.scale());
    }

    /** Fills {@code counts} from the matches (those of {@code sample} only, if not null); the matches counted. */
    private long count(Labels labels, FacetsCollector docs, boolean[] dims, SampleQuery sample, int[][] counts)
            throws IOException {
        for (int d = 0; d < dims.length; d++) {
            counts[d] = dims[d] ? new int[labels.names()[d].length] : null;
        }
        long seen = 0;
        for (FacetsCollector.MatchingDocs m : docs.getMatchingDocs()) {
            DocIdSetIterator it = m.bits == null ? null : m.bits.iterator();
            if (it == null) {
                continue;
            }
            SegmentValues segment = values(m.context);
            int[][] global = labels.global()[m.context.ord];
            long[] values = segment.values();
            int maxDoc = m.context.reader().maxDoc();
            int doc = it.nextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS) {
                if (sample != null) {
                    // skip to the next sampled block: the matches between are not looked at
                    int sampled = sample.next(m.context.docBase, doc, maxDoc);
                    if (sampled != doc) {
                        doc = sampled == DocIdSetIterator.NO_MORE_DOCS ? sampled : it.advance(sampled);
                        continue;
                    }
                }
                seen++;
                long packed = values[doc];
                for (int d = 0; d < dims.length; d++) {
                    if (dims[d]) {
                        int v = (int) (packed >>> (16 * d)) & 0xFFFF;
                        if (v > 0) {
                            counts[d][global[d][v - 1]]++;
                        }
                    }
                }
                doc = it.nextDoc();
            }
        }
        return seen;
    }

    /**
     * The values of each dimension across a reader's segments, in label order, and for each segment the
     * number of each of its values there; kept until the reader changes. Null if a segment has a
     * dimension with several values in a passage.
     */
    private record Labels(IndexReader.CacheKey key, String[][] names, int[][][] global) {
    }

    private volatile Labels labels;

    private Labels labels(IndexReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Labels l = labels;
        if (l != null && helper != null && l.key() == helper.getKey()) {
            return l;
        }
        int dims = Fields.FACETS.length;
        List<LeafReaderContext> leaves = reader.leaves();
        SegmentValues[] segments = new SegmentValues[leaves.size()];
        String[][] names = new String[dims][];
        for (LeafReaderContext leaf : leaves) {
            segments[leaf.ord] = values(leaf);
            if (segments[leaf.ord] == null) {
                return null;
            }
        }
        int[][][] global = new int[leaves.size()][dims][];
        for (int d = 0; d < dims; d++) {
            java.util.TreeSet<String> all = new java.util.TreeSet<>();
            for (SegmentValues s : segments) {
                all.addAll(Arrays.asList(s.labels()[d]));
            }
            names[d] = all.toArray(String[]::new);
            Map<String, Integer> number = new HashMap<>();
            for (int i = 0; i < names[d].length; i++) {
                number.put(names[d][i], i);
            }
            for (int s = 0; s < segments.length; s++) {
                String[] local = segments[s].labels()[d];
                global[s][d] = new int[local.length];
                for (int i = 0; i < local.length; i++) {
                    global[s][d][i] = number.get(local[i]);
                }
            }
        }
        l = new Labels(helper == null ? null : helper.getKey(), names, global);
        if (helper != null) {
            labels = l;
        }
        return l;
    }

    /** A segment's values, read on first use; null if a dimension has several values in a passage. */
    private SegmentValues values(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return read(leaf.reader());
        }
        SegmentValues values = segments.get(helper.getKey());
        if (values == null) {
            values = read(leaf.reader());
            if (segments.putIfAbsent(helper.getKey(), values) == null) {
                helper.addClosedListener(segments::remove);
            }
        }
        return values.values() == null ? null : values;
    }

    private SegmentValues read(LeafReader reader) throws IOException {
        int dims = Fields.FACETS.length;
        if (dims > Long.SIZE / 16) {
            return new SegmentValues(null, null);
        }
        long[] values = new long[reader.maxDoc()];
        String[][] labels = new String[dims][];
        SortedSetDocValues dv = DocValues.getSortedSet(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        long ords = dv.getValueCount();
        // each ordinal's dimension and number within it (the values of a dimension are consecutive ordinals)
        int[] dimOf = new int[(int) ords];
        int[] numberOf = new int[(int) ords];
        List<List<String>> names = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            names.add(new ArrayList<>());
        }
        for (int ord = 0; ord < ords; ord++) {
            String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
            int d = path.length == 2 ? List.of(Fields.FACETS).indexOf(path[0]) : -1;
            dimOf[ord] = d;
            if (d >= 0) {
                numberOf[ord] = names.get(d).size();
                names.get(d).add(path[1]);
            }
        }
        for (int d = 0; d < dims; d++) {
            if (names.get(d).size() >= Character.MAX_VALUE) {
                return new SegmentValues(null, null);
            }
            labels[d] = names.get(d).toArray(String[]::new);
        }
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            for (int i = 0; i < dv.docValueCount(); i++) {
                int ord = (int) dv.nextOrd();
                int d = dimOf[ord];
                if (d >= 0) {
                    if ((values[doc] >>> (16 * d) & 0xFFFF) != 0) {
                        return new SegmentValues(null, null);
                    }
                    values[doc] |= (long) (numberOf[ord] + 1) << (16 * d);
                }
            }
        }
        return new SegmentValues(values, labels);
    }

    /** Lucene's facet counts over the doc values of every match. */
    private Map<String, Map<String, Integer>> countWithLucene(IndexReader reader, MatchCounter.Matches matches,
            Map<String, MatchCounter.Matches> sideways, Map<String, Map<String, Integer>> out) throws IOException {
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
