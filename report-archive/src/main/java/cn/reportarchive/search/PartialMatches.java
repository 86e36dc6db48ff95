package cn.reportarchive.search;

import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.Fields;
import cn.reportarchive.index.ReportIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * When every word of an AND (or every word of a pasted sentence) is required and no passage holds them
 * all, the best partial match: the fewest words are dropped, those the best passage holding the most
 * words lacks, and the search is run again with the rest, all of them required. So every hit holds
 * every word that is kept, and the result can say which words were dropped.
 *
 * <p>The words dropped are chosen under the caller's units and the query's other conditions but not
 * its facet filters (year, unit, aspect, section), so that a facet clicked on a partial result keeps
 * the same words and gives the count the facet showed; only when that finds nothing under the filters
 * are the words chosen under them.
 */
final class PartialMatches {
    /** A word of this many characters or more, found nowhere as it stands, is a pasted sentence: its words are tried. */
    static final int SENTENCE_CHARS = 6;
    /** Words looked at, at most (the first ones of a long paste). */
    static final int MAX_WORDS = 32;

    /** {@code sentence}: a pasted sentence was taken as its words (which may all be kept). */
    record Relaxed(QueryNode node, List<String> dropped, boolean sentence) {
    }

    private final ReportIndex index;
    private final QueryCompiler compiler;
    private final Analyzer words = Analyzers.words();

    PartialMatches(ReportIndex index, QueryCompiler compiler) {
        this.index = index;
        this.compiler = compiler;
    }

    /** The query with its fewest words dropped that finds something; null when there is no such query. */
    Relaxed relax(QueryNode node, SearchRequest request, Ranking ranking, boolean underFacetFilters)
            throws QuerySyntaxException, IOException {
        List<QueryNode> top = node instanceof QueryNode.All all ? all.parts() : List.of(node);
        List<QueryNode> kept = new ArrayList<>();
        Set<String> candidates = new LinkedHashSet<>();
        boolean sentence = false;
        for (QueryNode part : top) {
            if (part instanceof QueryNode.Word w && !w.quoted()) {
                List<String> words = split(w.text());
                sentence |= words.size() > 1;
                candidates.addAll(words);
            } else {
                kept.add(part);
            }
        }
        List<String> wordList = candidates.stream().limit(MAX_WORDS).toList();
        if (wordList.size() < 2) {
            return null;
        }
        IndexSearcher shared = index.acquire();
        try {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            // the other conditions as the search itself reads them (unit:财政局, author:立新 by their names)
            QueryCompiler.Context context = new QueryCompiler.Context(compiler.names(shared, request.units()),
                    QueryCompiler.Understood.empty());
            BooleanQuery.Builder base = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
            for (QueryNode part : kept) {
                boolean facetFilter = part instanceof QueryNode.Filter f && !f.field().equals("author");
                if (!facetFilter || underFacetFilters) {
                    Query q = part instanceof QueryNode.Filter f ? compiler.filter(f, context, false)
                            : compiler.compile(part, ranking, false, context).query();
                    base.add(q, Occur.FILTER);
                }
            }
            if (underFacetFilters) {
                for (String[] f : new String[][] {{"year", request.year() == null ? null : request.year().toString()},
                        {"unit", request.unit()}, {"aspect", request.aspect()}, {"section", request.section()}}) {
                    if (f[1] != null && !f[1].isBlank()) {
                        base.add(compiler.filter(new QueryNode.Filter(f[0], f[1]), context, false), Occur.FILTER);
                    }
                }
            }
            if (request.units() != null) {
                base.add(new TermInSetQuery(Fields.UNIT, request.units().stream().map(BytesRef::new).toList()), Occur.FILTER);
            }
            Query filter = base.build();
            List<Query> queries = new ArrayList<>();
            for (String word : wordList) {
                queries.add(compiler.compile(new QueryNode.Word(word, false), ranking, request.related()).query());
            }
            // every word together first: a conjunction skips, where counting the words of every passage
            // holding any of them cannot (a pasted sentence's common words: 200-300 ms at 100,000 reports)
            TopDocs all = searcher.search(conjunction(filter, queries, -1), 1);
            int doc;
            if (all.scoreDocs.length > 0) {
                if (!sentence) {
                    return null; // every word is found together: what found nothing was something else
                }
                doc = all.scoreDocs[0].doc; // the best ranked passage holding them all, as below with every word held
            } else {
                doc = bestWithoutOne(searcher, filter, queries);
            }
            if (doc < 0) {
                // how many words the best passage holds: each word scores 1
                BooleanQuery.Builder counting = new BooleanQuery.Builder().add(filter, Occur.FILTER);
                queries.forEach(q -> counting.add(new ConstantScoreQuery(q), Occur.SHOULD));
                TopDocs most = searcher.search(counting.setMinimumNumberShouldMatch(1).build(), 1);
                if (most.scoreDocs.length == 0) {
                    return null;
                }
                int held = Math.round(most.scoreDocs[0].score);
                // among the passages holding that many, the best ranked one says which words to drop
                BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(filter, Occur.FILTER);
                queries.forEach(q -> ranked.add(q, Occur.SHOULD));
                TopDocs best = searcher.search(ranked.setMinimumNumberShouldMatch(held).build(), 1);
                doc = best.scoreDocs.length == 0 ? most.scoreDocs[0].doc : best.scoreDocs[0].doc;
            }
            List<String> dropped = new ArrayList<>();
            List<QueryNode> parts = new ArrayList<>(kept);
            for (int i = 0; i < queries.size(); i++) {
                if (searcher.explain(queries.get(i), doc).isMatch()) {
                    parts.add(new QueryNode.Word(wordList.get(i), false));
                } else {
                    dropped.add(wordList.get(i));
                }
            }
            return dropped.isEmpty() && !sentence ? null : new Relaxed(new QueryNode.All(parts), dropped, sentence);
        } finally {
            index.release(shared);
        }
    }

    /** Words few enough that dropping each in turn (one conjunction apiece) is cheaper than counting every passage's words. */
    static final int DROP_ONE_MAX = 8;

    /**
     * The best ranked passage holding all the words but one, or -1 for none (or too many words to try):
     * one conjunction for each word left out, which skips through the postings, where counting the words
     * of every passage holding any of them visits each (two or three common words of a pasted sentence
     * under a section filter: 200 ms at 100,000 reports). A passage's score is the sum of its words'
     * scores either way, so the best is the one the ranked disjunction with all but one required finds.
     */
    private static int bestWithoutOne(IndexSearcher searcher, Query filter, List<Query> queries) throws IOException {
        if (queries.size() < 2 || queries.size() > DROP_ONE_MAX) {
            return -1;
        }
        ScoreDoc best = null;
        for (int left = 0; left < queries.size(); left++) {
            TopDocs top = searcher.search(conjunction(filter, queries, left), 1);
            if (top.scoreDocs.length > 0 && (best == null || top.scoreDocs[0].score > best.score
                    || top.scoreDocs[0].score == best.score && top.scoreDocs[0].doc < best.doc)) {
                best = top.scoreDocs[0];
            }
        }
        return best == null ? -1 : best.doc;
    }

    /** Every word required under the filter, but the one at {@code left} (-1: none left out). */
    private static Query conjunction(Query filter, List<Query> queries, int left) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(filter, Occur.FILTER);
        for (int i = 0; i < queries.size(); i++) {
            if (i != left) {
                b.add(queries.get(i), Occur.MUST);
            }
        }
        return b.build();
    }

    /**
     * A word as typed, or, when it is a pasted sentence, its smartcn words of two characters or more (a
     * single character is too common to say anything).
     */
    List<String> split(String word) {
        String text = word.strip();
        if (text.codePointCount(0, text.length()) < SENTENCE_CHARS) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        try (TokenStream ts = words.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                // the word as it stands in the text (smartcn lower-cases and may stem Latin words)
                String w = text.substring(offset.startOffset(), offset.endOffset());
                if (w.codePointCount(0, w.length()) >= 2 && w.codePoints().anyMatch(Character::isLetterOrDigit)
                        && !out.contains(w)) {
                    out.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.isEmpty() ? List.of(text) : out;
    }
}
