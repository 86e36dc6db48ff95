package cn.reportarchive.search;

import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.Fields;
import cn.reportarchive.index.HanRunGramFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Operations;

/**
 * A typed run of characters as Lucene queries over the index's two views of the text: the phrase of its
 * character pairs (found wherever it stands, as grep finds it), and smartcn's words of it (for ranking
 * whole words).
 */
final class RunQueries {
    private final Analyzer pairs = Analyzers.characterPairsQuery();
    private final Analyzer words = Analyzers.words();

    /** A token of the query side: its text, its type (pair or single), its position increment and where it starts. */
    private record Token(String text, String type, int increment, int start) {
        boolean pair() {
            return HanRunGramFilter.DOUBLE.equals(type);
        }

        /** Whether this pair overlaps the previous one: the next pair of the same run of characters. */
        boolean continues(Token previous) {
            return pair() && previous.pair() && increment == 1
                    && start == previous.start + Character.charCount(previous.text.codePointAt(0));
        }
    }

    /** smartcn's words of the run, each required, anywhere in the passage; null for none. */
    Query words(String text) {
        return allOf(Fields.TEXT, tokens(words, text));
    }

    /**
     * The run of characters as a phrase of its pairs, three or more characters side by side as the
     * triples that tile them; one Han character alone is itself or any pair it opens (not the triples it
     * opens too: they add terms to walk and no passage).
     */
    Query pairs(String text, boolean exact) {
        List<Token> tokens = tokens(pairs, text);
        if (tokens.size() == 1 && HanRunGramFilter.SINGLE.equals(tokens.get(0).type())) {
            String one = tokens.get(0).text();
            return new AutomatonQuery(new Term(Fields.TEXT_GRAMS, one),
                    Operations.concatenate(Automata.makeString(one), Operations.optional(Automata.makeAnyChar())));
        }
        return exact ? phrase(Fields.TEXT_GRAMS, triples(tokens)) : allOf(Fields.TEXT_GRAMS, tokens);
    }

    /** A term of a phrase at its position. */
    private record Placed(String text, int position) {
    }

    /**
     * Each stretch of overlapping pairs (k pairs, k + 1 characters side by side) as the triples at its
     * pairs 0, 2, 4, … and k − 2, each at its first pair's position: every pair of the stretch is in one
     * of them, so a passage holds the triples' phrase only where it holds the pairs' phrase within one run
     * of characters (HanRunGramFilter indexes a triple only inside a run). A stretch of one pair, singles
     * and other tokens stay as they are, at their positions.
     */
    private static List<Placed> triples(List<Token> tokens) {
        int[] position = new int[tokens.size()];
        int p = -1;
        for (int t = 0; t < tokens.size(); t++) {
            p += tokens.get(t).increment();
            position[t] = p;
        }
        List<Placed> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int end = i + 1;
            while (end < tokens.size() && tokens.get(end).continues(tokens.get(end - 1))) {
                end++;
            }
            int k = end - i;
            if (k < 2) {
                out.add(new Placed(tokens.get(i).text(), position[i]));
            } else {
                for (int j = 0; ; j = Math.min(j + 2, k - 2)) {
                    Token b = tokens.get(i + j + 1);
                    out.add(new Placed(tokens.get(i + j).text() + b.text().substring(b.text().offsetByCodePoints(0, 1)),
                            position[i + j]));
                    if (j == k - 2) {
                        break;
                    }
                }
            }
            i = end;
        }
        return out;
    }

    /** Every token in the field, in any place; null for none. */
    private static Query allOf(String field, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).text()));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        tokens.forEach(t -> b.add(new TermQuery(new Term(field, t.text())), Occur.MUST));
        return b.build();
    }

    /**
     * The terms as one phrase at their positions. Pairs tiled without overlap (0, 2, 4, …) would not do: the
     * index gives a run's first pair the position right after the previous run's last pair (HanRunGramFilter
     * passes the first character's increment on; punctuation leaves no gap, a number or Latin word takes
     * one), so two pairs two positions apart can stand on either side of a run break: 形式@0 主义@2 matches
     * 形式多，主义. Triples can be tiled so, because each is indexed only inside a run and the tiles overlap
     * by a character; two of them still line up across a break where the text repeats that character
     * (形式主，主义化 for 形式主义化), as overlapping pairs do (形式，式主义 for 形式主义).
     * PairPhrasePositionsTest shows these. Lucene's exact phrase leads its conjunction with the rarest
     * term (its approximation is a ConjunctionDISI, which orders the postings by cost).
     */
    private static Query phrase(String field, List<Placed> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0).text()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        int first = terms.get(0).position();
        for (Placed t : terms) {
            b.add(new Term(field, t.text()), t.position() - first);
        }
        return b.build();
    }

    /** The analyzer's tokens of the text, read once. */
    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT_GRAMS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), type.type(), inc.getPositionIncrement(), offset.startOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
