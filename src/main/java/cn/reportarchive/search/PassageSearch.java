package cn.reportarchive.search;

import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.Fields;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.SectionType;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Passage search over the index: the query text (words AND-ed), filters by year, unit, aspect
 * and section, facet counts over everything that matches, and highlighted snippets.
 */
public final class PassageSearch {
    private static final int MAX_QUERY_CHARS = 1000;
    /** Facet values listed per field; more units than this are a case for a unit filter. */
    private static final int MAX_FACET_VALUES = 500;

    /** Score first; equal scores in report and passage order, so a page reads the same after a reindex. */
    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(Fields.REPORT_ID, SortField.Type.STRING), new SortField(Fields.ORDINAL, SortField.Type.INT));

    private final ReportIndex index;
    private final AspectTaxonomy taxonomy;
    private final Snippets snippets;

    public PassageSearch(ReportIndex index, AspectTaxonomy taxonomy) {
        this.index = index;
        this.taxonomy = taxonomy;
        this.snippets = new Snippets(Analyzers.characterPairs());
    }

    public SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        Query text = parse(request.query());
        Query query = withFilters(text, request);
        IndexSearcher searcher = index.acquire();
        try {
            int wanted = request.page() * request.size();
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(
                    searcher, query, wanted, RELEVANCE, true, new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            List<SearchHit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
                hits.add(hit(searcher.storedFields().document(docs[i].doc), docs[i].score, text));
            }
            return new SearchResult(top.totalHits.value, hits, facets(searcher, result.facetsCollector()));
        } finally {
            index.release(searcher);
        }
    }

    private Query parse(String queryText) throws QuerySyntaxException {
        if (queryText.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (queryText.length() > MAX_QUERY_CHARS) {
            throw new QuerySyntaxException("检索式过长（超过 " + MAX_QUERY_CHARS + " 个字符），请缩短后再试。");
        }
        // Each word is sought in both views: as smartcn words and as a run of character pairs.
        QueryParser parser = new MultiFieldQueryParser(new String[] {Fields.TEXT, Fields.TEXT_GRAMS}, index.analyzer());
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        try {
            return parser.parse(literalSpecials(queryText));
        } catch (ParseException | IllegalArgumentException e) {
            throw new QuerySyntaxException("检索式有语法错误（请检查引号、括号和 AND/OR/NOT 是否成对完整）：" + queryText);
        } catch (BooleanQuery.TooManyClauses e) {
            throw new QuerySyntaxException("检索式过于复杂，请减少检索词。");
        }
    }

    /**
     * Lucene's fuzzy, wildcard, regex, range, boost and field syntax means nothing for Chinese
     * report text and breaks on ordinary input (12315/12345, 整改措施:); those characters are taken
     * literally. Quotes, parentheses, +/- and AND/OR/NOT keep their meaning.
     */
    static String literalSpecials(String query) {
        StringBuilder out = new StringBuilder(query.length() + 8);
        for (char c : query.toCharArray()) {
            if ("~*?^[]{}/:!\\&|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private Query withFilters(Query text, SearchRequest request) throws QuerySyntaxException {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (request.year() != null) {
            b.add(IntPoint.newExactQuery(Fields.YEAR, request.year()), BooleanClause.Occur.FILTER);
        }
        if (request.unit() != null && !request.unit().isBlank()) {
            b.add(new TermQuery(new Term(Fields.UNIT, request.unit().strip())), BooleanClause.Occur.FILTER);
        }
        if (request.aspect() != null && !request.aspect().isBlank()) {
            String aspect = taxonomy.resolve(request.aspect().strip()).orElseThrow(() -> new QuerySyntaxException(
                    "未知的方面：" + request.aspect() + "（可用：" + aspectNames() + "）。"));
            b.add(new TermQuery(new Term(Fields.ASPECT, aspect)), BooleanClause.Occur.FILTER);
        }
        if (request.section() != null && !request.section().isBlank()) {
            SectionType section = sectionOf(request.section().strip());
            b.add(new TermQuery(new Term(Fields.SECTION, section.key())), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    static SectionType sectionOf(String keyOrLabel) throws QuerySyntaxException {
        for (SectionType type : SectionType.values()) {
            if (type.key().equals(keyOrLabel) || type.label().equals(keyOrLabel)) {
                return type;
            }
        }
        throw new QuerySyntaxException("未知的部分：" + keyOrLabel
                + "（可用：rectification/整改落实、problems/问题、causes/原因、measures/措施、other/其他）。");
    }

    private String aspectNames() {
        return String.join("、", taxonomy.aspects().stream().map(a -> a.key() + "/" + a.label()).toList());
    }

    private SearchHit hit(Document doc, float score, Query text) throws IOException {
        String passage = doc.get(Fields.TEXT);
        Number year = doc.getField(Fields.YEAR) == null ? null : doc.getField(Fields.YEAR).numericValue();
        return new SearchHit(doc.get(Fields.REPORT_ID), doc.get(Fields.TITLE), year == null ? null : year.intValue(),
                doc.get(Fields.UNIT), doc.get(Fields.AUTHOR), doc.get(Fields.SECTION), doc.get(Fields.ASPECT),
                doc.get(Fields.REF), passage, snippets.of(text, passage), score);
    }

    private Map<String, Map<String, Integer>> facets(IndexSearcher searcher, FacetsCollector collector)
            throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        Arrays.stream(Fields.FACETS).forEach(f -> out.put(f, new LinkedHashMap<>()));
        if (searcher.getIndexReader().maxDoc() == 0) {
            return out;
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), index.facetsConfig());
        } catch (IllegalArgumentException e) {
            return out; // no facet values indexed yet
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state, collector);
        for (String field : Fields.FACETS) {
            FacetResult result;
            try {
                result = counts.getTopChildren(MAX_FACET_VALUES, field);
            } catch (IllegalArgumentException e) {
                continue; // dimension never indexed
            }
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    out.get(field).put(lv.label, lv.value.intValue());
                }
            }
        }
        return out;
    }
}
