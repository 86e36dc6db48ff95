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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * When every word of an AND (or every word of a pasted sentence) is required and no passage holds them
 * all, the best partial match: the fewest words are dropped (of the sets of words that stand together
 * in one passage, the largest, and of those the rarest), and the search is run again with the rest, all
 * of them required and ranked as usual. So every hit holds every word that is kept, and the result can
 * say which words were dropped. The choice is made without scoring (UnscoredMatches).
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

    /** The query's top-level parts: its bare words as the words to try, and what is always kept. */
    record Parts(List<QueryNode> kept, List<String> words, boolean sentence) {
        /** Whether there are words to drop: when the query finds nothing, {@link #relax} may find something. */
        boolean relaxable() {
            return words.size() >= 2;
        }
    }

    /** The query's parts, read once for every {@link #relax} of one search (a long paste is cut into words). */
    Parts parts(QueryNode node) {
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
        return new Parts(kept, candidates.stream().limit(MAX_WORDS).toList(), sentence);
    }

    /** The query with its fewest words dropped that finds something; null when there is no such query. */
    Relaxed relax(Parts parts, SearchRequest request, Ranking ranking, boolean underFacetFilters)
            throws QuerySyntaxException, IOException {
        List<QueryNode> kept = parts.kept();
        List<String> wordList = parts.words();
        boolean sentence = parts.sentence();
        if (!parts.relaxable()) {
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
            if (UnscoredMatches.any(searcher, conjunction(filter, queries))) {
                // every word is found together: what found nothing was something else, or a pasted
                // sentence is found as its words, all kept
                return sentence ? new Relaxed(new QueryNode.All(withWords(kept, wordList, -1L)), List.of(), true) : null;
            }
            long held = mostHeld(searcher, filter, queries);
            if (held == 0) {
                return null;
            }
            List<String> dropped = new ArrayList<>();
            for (int i = 0; i < wordList.size(); i++) {
                if ((held & 1L << i) == 0) {
                    dropped.add(wordList.get(i));
                }
            }
            return new Relaxed(new QueryNode.All(withWords(kept, wordList, held)), dropped, sentence);
        } finally {
            index.release(shared);
        }
    }

    /** The other conditions and the words whose bit is set in {@code held}, in the order typed. */
    private static List<QueryNode> withWords(List<QueryNode> kept, List<String> words, long held) {
        List<QueryNode> parts = new ArrayList<>(kept);
        for (int i = 0; i < words.size(); i++) {
            if ((held & 1L << i) != 0) {
                parts.add(new QueryNode.Word(words.get(i), false));
            }
        }
        return parts;
    }

    /**
     * Passages looked at, at most, among the shortest holding the most words: enough to see the sets of
     * words that stand together, few enough to cost a millisecond.
     */
    static final int CANDIDATES = 64;

    /**
     * The words to keep, as bits: the most that any passage holds together (but not all), and of the
     * sets of that many held by the first {@link #CANDIDATES} such passages in index order (the shortest,
     * as BM25 would rank them), the one whose words are rarest, as BM25 would weigh them. 0: no passage
     * holds any. Each step asks, unscored, whether a passage holds all but one, then all but two, and
     * so on; counting the words of every passage holding any of them, then ranking those holding the
     * most, took 50-100 ms for two or three common words under a section filter at 100,000 reports.
     */
    private static long mostHeld(IndexSearcher searcher, Query filter, List<Query> queries) throws IOException {
        UnscoredMatches.Holding holding = new UnscoredMatches.Holding(searcher, queries);
        double[] rarity = new double[queries.size()];
        long passages = Math.max(1, searcher.getIndexReader().numDocs());
        for (int i = 0; i < rarity.length; i++) {
            long holders = holding.upperBound(i);
            rarity[i] = Math.log(1 + (passages - holders + 0.5) / (holders + 0.5));
        }
        for (int need = queries.size() - 1; need >= 1; need--) {
            BooleanQuery.Builder some = new BooleanQuery.Builder().add(filter, Occur.FILTER);
            queries.forEach(q -> some.add(q, Occur.SHOULD));
            holding.restart();
            long[] best = {0};
            double[] bestRarity = {-1};
            int[] seen = {0};
            UnscoredMatches.forEach(searcher, some.setMinimumNumberShouldMatch(need).build(), doc -> {
                long mask = holding.mask(doc);
                double r = 0;
                for (int i = 0; i < rarity.length; i++) {
                    r += (mask & 1L << i) != 0 ? rarity[i] : 0;
                }
                if (r > bestRarity[0]) {
                    bestRarity[0] = r;
                    best[0] = mask;
                }
                return ++seen[0] < CANDIDATES;
            });
            if (best[0] != 0) {
                return best[0];
            }
        }
        return 0;
    }

    /** Every word required under the filter. */
    private static Query conjunction(Query filter, List<Query> queries) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(filter, Occur.FILTER);
        queries.forEach(q -> b.add(q, Occur.MUST));
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
