package cn.reportarchive.search;

import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.Fields;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Passage extracts with the matches in mark tags and everything else HTML-escaped. Matches are
 * found in the character-pair view, which marks exactly the runs the query asked for (and the
 * related words that found the passage).
 */
final class Snippets {
    private static final int FRAGMENT_CHARS = 160;

    private final Analyzer analyzer = Analyzers.characterPairs();

    String of(Query query, String text) throws IOException {
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"),
                new SimpleHTMLEncoder(), new QueryScorer(query, Fields.TEXT_GRAMS));
        highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
        highlighter.setMaxDocCharsToAnalyze(Integer.MAX_VALUE);
        try {
            String fragment = highlighter.getBestFragment(analyzer, Fields.TEXT_GRAMS, text);
            if (fragment != null) {
                return fragment;
            }
        } catch (InvalidTokenOffsetsException | IllegalArgumentException e) {
            // a query the highlighter cannot score: the plain extract below still serves
        }
        String head = text.length() > FRAGMENT_CHARS ? text.substring(0, FRAGMENT_CHARS) + "…" : text;
        return new SimpleHTMLEncoder().encodeText(head);
    }
}
