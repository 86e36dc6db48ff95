package cn.reportarchive.search;

import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * the runs the query asked for (and the related words that found the passage). A query of runs of
 * Han characters is marked by finding those runs in the text: a run of pairs matches exactly where
 * the characters stand side by side. Any other query (digits, Latin letters, punctuation inside a
 * phrase, a single character) is marked by Lucene's highlighter over the character-pair view, which
 * analyses every passage into a small index of its own and costs several times more.
 */
final class Snippets {
    private static final int FRAGMENT_CHARS = 160;

    /** The runs to mark, or null when the query has a word that is not a run of two or more Han characters. */
    record Runs(List<String> texts) {
        static Runs of(List<String> runs) {
            if (runs == null) {
                return new Runs(null);
            }
            for (String run : runs) {
                if (run.codePointCount(0, run.length()) < 2 || !run.codePoints().allMatch(Snippets::han)) {
                    return new Runs(null);
                }
            }
            return new Runs(List.copyOf(runs));
        }
    }

    private final Analyzer analyzer = Analyzers.characterPairs();

    String of(Query query, Runs runs, String text) throws IOException {
        if (runs.texts() != null) {
            return marked(runs.texts(), text);
        }
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
        return head(text);
    }

    private static boolean han(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static String head(String text) {
        String head = text.length() > FRAGMENT_CHARS ? text.substring(0, FRAGMENT_CHARS) + "…" : text;
        return SimpleHTMLEncoder.htmlEncode(head);
    }

    private record Span(int start, int end, int run) {
    }

    /**
     * Every place a run stands (overlapping places joined into one mark), in the stretch of about
     * {@link #FRAGMENT_CHARS} characters that holds the most of the query's runs (the first such): as the
     * highlighter picks its fragment, by the distinct terms it holds.
     */
    static String marked(List<String> runs, String text) {
        List<Span> found = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            String run = runs.get(r);
            for (int at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + 1)) {
                found.add(new Span(at, at + run.length(), r));
            }
        }
        if (found.isEmpty()) {
            return head(text);
        }
        found.sort(Comparator.comparingInt(Span::start));
        int from = 0;
        int to = text.length();
        if (text.length() > FRAGMENT_CHARS) {
            // fragments of FRAGMENT_CHARS from the start, each stretched to the end of a mark it cuts
            int best = -1;
            int bestFrom = 0;
            int bestTo = 0;
            int start = 0;
            int i = 0;
            while (start < text.length()) {
                int end = Math.min(text.length(), start + FRAGMENT_CHARS);
                boolean[] holds = new boolean[runs.size()];
                int score = 0;
                for (; i < found.size() && found.get(i).start() < end; i++) {
                    Span s = found.get(i);
                    end = Math.max(end, s.end());
                    if (s.start() >= start && !holds[s.run()]) {
                        holds[s.run()] = true;
                        score += runs.get(s.run()).length() - 1;
                    }
                }
                if (text.length() - end < FRAGMENT_CHARS / 8) {
                    end = text.length(); // no fragment of a few characters at the end
                }
                if (score > best) {
                    best = score;
                    bestFrom = start;
                    bestTo = end;
                }
                start = end;
            }
            from = bestFrom;
            to = bestTo;
        }
        StringBuilder out = new StringBuilder(to - from + 32);
        int written = from;
        int k = 0;
        while (k < found.size()) {
            Span s = found.get(k);
            int start = Math.max(s.start(), written);
            int end = s.end();
            for (k++; k < found.size() && found.get(k).start() <= end; k++) {
                end = Math.max(end, found.get(k).end());
            }
            if (end <= from || start >= to) {
                continue;
            }
            start = Math.max(start, from);
            end = Math.min(end, to);
            out.append(SimpleHTMLEncoder.htmlEncode(text.substring(written, start)));
            out.append("<mark>").append(SimpleHTMLEncoder.htmlEncode(text.substring(start, end))).append("</mark>");
            written = end;
        }
        out.append(SimpleHTMLEncoder.htmlEncode(text.substring(written, to)));
        return out.toString();
    }
}
