package cn.reportarchive.search;

import cn.reportarchive.index.Fields;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.AspectTaxonomy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Passage search: the query language compiled to Lucene, filters from the request and the query,
 * ranking, one report's passages kept from crowding the page, facet counts that follow the query
 * and every filter but their own, and highlighted snippets.
 */
public final class PassageSearch {
    /**
     * How far down the ranking whole words are scored and the per-report spread looks; deeper hits keep
     * plain rank order. Every page is cut from this one order.
     */
    private static final int SPREAD_WINDOW = 200;
    /** How many hits can be paged through. */
    static final int MAX_DEPTH = 10_000;

    private static final Sort BY_YEAR = new Sort(new SortField(Fields.YEAR, SortField.Type.INT, true),
            SortField.FIELD_SCORE, new SortField(Fields.REPORT_ID, SortField.Type.STRING),
            new SortField(Fields.ORDINAL, SortField.Type.INT));
    private static final Similarity BM25 = new BM25Similarity();
    private static final Similarity BM25_WITHOUT_RARITY = new BM25Similarity() {
        @Override
        public org.apache.lucene.search.Explanation idfExplain(
                org.apache.lucene.search.CollectionStatistics collection, org.apache.lucene.search.TermStatistics term) {
            return org.apache.lucene.search.Explanation.match(1f, "rarity switched off");
        }
    };

    private final ReportIndex index;
    private final QueryCompiler compiler;
    private final Snippets snippets;
    private final FacetCounter facets;
    private final MatchCounter matches;
    private final PartialMatches partial;
    private final ReportIds reportIds = new ReportIds();

    /** {@code unitOf}: the name a unit filter's unit is indexed under, for any name of it (the archive's unit directory). */
    public PassageSearch(ReportIndex index, AspectTaxonomy taxonomy, RelatedWords relatedWords, UnaryOperator<String> unitOf) {
        this(index, taxonomy, relatedWords, unitOf, name -> false, MatchCounter.defaults());
    }

    /**
     * {@code unitKnown}: whether the unit directory has a unit of this name, reports or not (a unit whose
     * reports were all deleted is still a unit: filtering on it finds nothing, and is not an unknown name).
     */
    public PassageSearch(ReportIndex index, AspectTaxonomy taxonomy, RelatedWords relatedWords, UnaryOperator<String> unitOf,
                         java.util.function.Predicate<String> unitKnown) {
        this(index, taxonomy, relatedWords, unitOf, unitKnown, MatchCounter.defaults());
    }

    /** With other bounds for exact counting: tests use small ones to reach estimates on a small archive. */
    PassageSearch(ReportIndex index, AspectTaxonomy taxonomy, RelatedWords relatedWords, UnaryOperator<String> unitOf,
                  MatchCounter matches) {
        this(index, taxonomy, relatedWords, unitOf, name -> false, matches);
    }

    PassageSearch(ReportIndex index, AspectTaxonomy taxonomy, RelatedWords relatedWords, UnaryOperator<String> unitOf,
                  java.util.function.Predicate<String> unitKnown, MatchCounter matches) {
        this.index = index;
        this.compiler = new QueryCompiler(taxonomy, relatedWords, unitOf, unitKnown);
        this.snippets = new Snippets();
        this.facets = new FacetCounter(index.facetsConfig());
        this.matches = matches;
        this.partial = new PartialMatches(index, compiler);
    }

    public SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        return search(request, Ranking.DEFAULT);
    }

    public SearchResult search(SearchRequest request, Ranking ranking) throws QuerySyntaxException, IOException {
        try {
            QueryNode node = QueryLanguage.parse(request.query());
            PartialMatches.Parts parts = partial.parts(node);
            SearchResult result = run(request, ranking, node, null, !parts.relaxable());
            if (result != null) {
                return result;
            }
            // nothing holds every word: the best partial matches, chosen first without the facet filters
            // (a facet clicked then keeps the same words), else under them
            for (boolean underFilters : new boolean[] {false, true}) {
                PartialMatches.Relaxed relaxed = partial.relax(parts, request, ranking, underFilters);
                if (relaxed != null) {
                    SearchResult partialResult = run(request, ranking, relaxed.node(), relaxed, false);
                    if (partialResult != null) {
                        return partialResult;
                    }
                }
            }
            // no partial match either: the empty answer, with the counts its filters leave elsewhere
            return run(request, ranking, node, null, true);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("检索式过于复杂（检索词或相关词太多），请减少检索词后再试。");
        }
    }

    /**
     * The query's text part with the caller's units and the request's filters: what partial matching searches
     * under. {@code emptyIsAnswer} false: null when nothing matches, before the facets of an empty result are
     * counted (a search that will be relaxed needs none of them).
     */
    private SearchResult run(SearchRequest request, Ranking ranking, QueryNode node, PartialMatches.Relaxed relaxed,
                             boolean emptyIsAnswer) throws QuerySyntaxException, IOException {
        IndexSearcher shared = index.acquire();
        try {
            QueryCompiler.Context context = new QueryCompiler.Context(compiler.names(shared, request.units()),
                    QueryCompiler.Understood.empty());
            QueryCompiler.Compiled compiled = compiler.compile(node, ranking, request.related(), context);
            Map<String, List<Query>> filters = filters(request, compiled, context);
            SearchResult result = execute(shared, request, ranking, compiled, filters, emptyIsAnswer);
            return result == null ? null : Understanding.of(result, compiled.understood(), request, relaxed);
        } finally {
            index.release(shared);
        }
    }

    /** The compiled query under its filters: hits, ranking, spread, snippets, facets. */
    private SearchResult execute(IndexSearcher shared, SearchRequest request, Ranking ranking,
                                 QueryCompiler.Compiled compiled, Map<String, List<Query>> filters,
                                 boolean emptyIsAnswer) throws IOException {
        // a caller limited to its units is scored by their statistics alone (UnitScopedSearcher)
        IndexSearcher searcher = request.units() == null ? new IndexSearcher(shared.getIndexReader())
                : new UnitScopedSearcher(shared.getIndexReader(), request.units());
        searcher.setSimilarity(ranking.rarity() ? BM25 : BM25_WITHOUT_RARITY);
        Query query = filtered(compiled.query(), filters, null);
        long from = (long) (request.page() - 1) * request.size();
        // pages beyond MAX_DEPTH are empty: nobody reads them, and asking for them costs memory
        int window = (int) Math.min(MAX_DEPTH, Math.max(from + request.size(), SPREAD_WINDOW));
        boolean byYear = request.order() == SearchRequest.Order.YEAR;
        // a search to be relaxed when it finds nothing first asks, unscored, whether it finds anything: a
        // scored pass proves an empty result far more slowly (UnscoredMatches)
        if (!emptyIsAnswer && !UnscoredMatches.any(searcher, query)) {
            return null;
        }
        // relevance: the top hits by score alone (a tie-breaking sort would read doc values for every
        // competitive hit); equal scores are ordered afterwards, within the window
        MatchCounter.Found found = matches.search(searcher, query, Math.max(1, window), byYear ? BY_YEAR : null);
        List<Ranked> ranked = ranked(searcher.getIndexReader(), byYear ? found.top().scoreDocs
                : withWholeWords(searcher, found.top().scoreDocs, compiled.wholeWords()));
        // passages per report among the ranked window (reported as such in the result)
        Map<String, Integer> perReport = new LinkedHashMap<>();
        ranked.forEach(r -> perReport.merge(r.reportId(), 1, Integer::sum));
        // an explicit order by year is kept as asked; relevance orders the first SPREAD_WINDOW hits by
        // their score with whole words and spreads them by report, and the rest by their score
        List<Ranked> ordered = ranked;
        if (!byYear) {
            int head = Math.min(SPREAD_WINDOW, ranked.size());
            ordered = new ArrayList<>(ReportSpread.spread(byScore(ranked.subList(0, head)), Ranked::reportId,
                    Ranked::score, request.perReport()));
            ordered.addAll(byScore(ranked.subList(head, ranked.size())));
        }
        List<Ranked> shown = ordered.subList((int) Math.min(from, ordered.size()),
                (int) Math.min(ordered.size(), from + request.size()));
        Map<Integer, Document> stored = stored(searcher, shown);
        List<SearchHit> page = new ArrayList<>();
        for (Ranked r : shown) {
            Document doc = stored.get(r.doc());
            page.add(hit(doc, r.score(), snippets.of(compiled.query(), compiled.runs(), doc.get(Fields.TEXT))));
        }
        // each filtered dimension is counted without its own filter, so its other values show their counts
        Map<String, MatchCounter.Matches> sideways = new LinkedHashMap<>();
        for (String dim : Fields.FACETS) {
            if (filters.containsKey(dim)) {
                sideways.put(dim, matches.count(searcher, filtered(compiled.query(), filters, dim)));
            }
        }
        Map<String, Map<String, Integer>> counts = facets.count(searcher.getIndexReader(), found.matches(),
                sideways);
        boolean facetsExact = found.matches().facetsExact()
                && sideways.values().stream().allMatch(MatchCounter.Matches::facetsExact);
        return new SearchResult(found.matches().total(), found.matches().exact(), page, counts, facetsExact,
                reports(page, perReport));
    }

    /** The query's own filters and the request's, by dimension (a request's filter replaces the same one typed). */
    private Map<String, List<Query>> filters(SearchRequest request, QueryCompiler.Compiled compiled,
                                             QueryCompiler.Context context) throws QuerySyntaxException {
        Map<String, List<Query>> filters = new LinkedHashMap<>(compiled.filters());
        addFilter(filters, "year", request.year() == null ? null : request.year().toString(), context);
        addFilter(filters, "unit", request.unit(), context);
        addFilter(filters, "aspect", request.aspect(), context);
        addFilter(filters, "section", request.section(), context);
        if (request.units() != null) { // the caller's units: kept in every count, facets' own included
            filters.put("access", List.of(new TermInSetQuery(Fields.UNIT,
                    request.units().stream().map(BytesRef::new).toList())));
        }
        return filters;
    }

    /**
     * Every passage the request matches, as its report and ordinal, unranked and uncounted: for the
     * benchmark that checks recall against a scan of the texts.
     */
    public void forEachMatch(SearchRequest request, java.util.function.ObjLongConsumer<String> each)
            throws QuerySyntaxException, IOException {
        IndexSearcher searcher = index.acquire();
        try {
            QueryCompiler.Context context = new QueryCompiler.Context(compiler.names(searcher, request.units()),
                    QueryCompiler.Understood.empty());
            QueryCompiler.Compiled compiled = compiler.compile(QueryLanguage.parse(request.query()), Ranking.DEFAULT,
                    request.related(), context);
            Query query = filtered(compiled.query(), filters(request, compiled, context), null);
            FacetsCollector all = searcher.search(query, new FacetsCollectorManager());
            for (FacetsCollector.MatchingDocs m : all.getMatchingDocs()) {
                SortedDocValues ids = DocValues.getSorted(m.context.reader(), Fields.REPORT_ID);
                NumericDocValues ordinals = DocValues.getNumeric(m.context.reader(), Fields.ORDINAL);
                var it = m.bits == null ? null : m.bits.iterator();
                for (int doc = it == null ? org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS : it.nextDoc();
                     doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (ids.advanceExact(doc) && ordinals.advanceExact(doc)) {
                        each.accept(ids.lookupOrd(ids.ordValue()).utf8ToString(), ordinals.longValue());
                    }
                }
            }
        } finally {
            index.release(searcher);
        }
    }

    /**
     * A filter of the request (an option, a facet clicked) in place of the same field typed in the query:
     * so a facet's count, counted without its own field's filter, is what a click on it gives.
     */
    private void addFilter(Map<String, List<Query>> filters, String dim, String value, QueryCompiler.Context context)
            throws QuerySyntaxException {
        if (value != null && !value.isBlank()) {
            filters.put(dim, new ArrayList<>(List.of(compiler.filter(new QueryNode.Filter(dim, value), context, false))));
            context.understood().queryFilters().remove(dim);
        }
    }

    /** The query with every filter, or every filter but one dimension's. */
    private static Query filtered(Query text, Map<String, List<Query>> filters, String except) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        filters.forEach((dim, queries) -> {
            if (!dim.equals(except)) {
                queries.forEach(q -> b.add(q, Occur.FILTER));
            }
        });
        return b.build();
    }

    private record Ranked(int doc, String reportId, int ordinal, float score) {
    }

    /**
     * The window's hits with their report and position, read from doc values for these hits only (in
     * document order, one reader per segment), in the order given.
     */
    private List<Ranked> ranked(IndexReader reader, ScoreDoc[] docs) throws IOException {
        ScoreDoc[] byDoc = docs.clone();
        Arrays.sort(byDoc, Comparator.comparingInt((ScoreDoc d) -> d.doc));
        Map<Integer, Ranked> read = new HashMap<>();
        List<LeafReaderContext> leaves = reader.leaves();
        int i = 0;
        while (i < byDoc.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(byDoc[i].doc, leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            ReportIds.Segment ids = reportIds.segment(leaf.reader());
            NumericDocValues ordinals = DocValues.getNumeric(leaf.reader(), Fields.ORDINAL);
            for (; i < byDoc.length && byDoc[i].doc < end; i++) {
                ScoreDoc doc = byDoc[i];
                int local = doc.doc - leaf.docBase;
                String reportId = ids.of(local);
                int ordinal = ordinals.advanceExact(local) ? (int) ordinals.longValue() : 0;
                read.put(doc.doc, new Ranked(doc.doc, reportId, ordinal, Float.isNaN(doc.score) ? 0f : doc.score));
            }
        }
        List<Ranked> out = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            out.add(read.get(doc.doc));
        }
        return out;
    }

    /** By score, equal scores in report and passage order, so a page reads the same after a reindex. */
    private static List<Ranked> byScore(List<Ranked> hits) {
        List<Ranked> out = new ArrayList<>(hits);
        out.sort(Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparing(Ranked::reportId)
                .thenComparingInt(Ranked::ordinal));
        return out;
    }

    /**
     * The first SPREAD_WINDOW hits with the score of their whole-word matches added, the rest as they
     * were. Only these few hits are scored for whole words, which leaves the search free to skip.
     */
    private static ScoreDoc[] withWholeWords(IndexSearcher searcher, ScoreDoc[] docs, Query wholeWords)
            throws IOException {
        if (wholeWords == null || docs.length == 0) {
            return docs;
        }
        int head = Math.min(SPREAD_WINDOW, docs.length);
        TopDocs first = new TopDocs(new TotalHits(head, TotalHits.Relation.EQUAL_TO), Arrays.copyOf(docs, head));
        ScoreDoc[] out = docs.clone();
        System.arraycopy(QueryRescorer.rescore(searcher, first, wholeWords, 1, head).scoreDocs, 0, out, 0, head);
        return out;
    }

    /**
     * The stored fields of the page's hits, read in document order through one reader: neighbours in a
     * compressed block are then decompressed once.
     */
    private static Map<Integer, Document> stored(IndexSearcher searcher, List<Ranked> hits) throws IOException {
        int[] docs = hits.stream().mapToInt(Ranked::doc).sorted().toArray();
        StoredFields fields = searcher.storedFields();
        Map<Integer, Document> out = new HashMap<>();
        for (int doc : docs) {
            out.put(doc, fields.document(doc));
        }
        return out;
    }

    private static SearchHit hit(Document doc, float score, String snippet) {
        Number year = doc.getField(Fields.YEAR) == null ? null : doc.getField(Fields.YEAR).numericValue();
        return new SearchHit(doc.get(Fields.REPORT_ID), doc.get(Fields.TITLE), year == null ? null : year.intValue(),
                doc.get(Fields.UNIT), doc.get(Fields.AUTHOR), doc.get(Fields.SECTION), doc.get(Fields.ASPECT),
                doc.get(Fields.REF), doc.get(Fields.TEXT), snippet, score, "1".equals(doc.get(Fields.OCR)))
                .withPassage(doc.get(Fields.PASSAGE));
    }

    private static List<SearchResult.ReportMatches> reports(List<SearchHit> page, Map<String, Integer> passages) {
        Map<String, SearchResult.ReportMatches> out = new LinkedHashMap<>();
        for (SearchHit h : page) {
            out.computeIfAbsent(h.reportId(), id -> new SearchResult.ReportMatches(id, h.title(), h.year(), h.unit(),
                    h.author(), passages.getOrDefault(id, 0)));
        }
        return List.copyOf(out.values());
    }
}
