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
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A typed run of characters as Lucene queries over the index's two views of the text: the phrase of its
 * character pairs (found wherever it stands, as grep finds it), and smartcn's words of it (for ranking
 * whole words).
 */
final class RunQueries {
    private final Analyzer pairs = Analyzers.characterPairsQuery();
    private final Analyzer words = Analyzers.words();

    /** A token of the query side: its text, its type (pair or single) and its position increment. */
    private record Token(String text, String type, int increment) {
    }

    /** smartcn's words of the run, each required, anywhere in the passage; null for none. */
    Query words(String text) {
        return allOf(Fields.TEXT, tokens(words, text));
    }

    /** The run of characters as a phrase of pairs; one Han character alone is every pair it opens. */
    Query pairs(String text, boolean exact) {
        List<Token> tokens = tokens(pairs, text);
        if (tokens.size() == 1 && HanRunGramFilter.SINGLE.equals(tokens.get(0).type())) {
            return new PrefixQuery(new Term(Fields.TEXT_GRAMS, tokens.get(0).text()));
        }
        return exact ? phrase(Fields.TEXT_GRAMS, tokens) : allOf(Fields.TEXT_GRAMS, tokens);
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
     * Every overlapping pair of the run, not pairs tiled without overlap (positions 0, 2, 4, …): the index
     * gives a run's first pair the position right after the previous run's last pair (HanRunGramFilter passes
     * the first character's increment on; punctuation leaves no gap, a number or Latin word takes one), so
     * two pairs two positions apart can stand on either side of a run break: 形式@0 主义@2 matches 形式多，主义.
     * Only the overlapping pair between them (式主@1) proves the characters adjacent in one run.
     * PairPhrasePositionsTest shows both. Lucene's exact phrase already leads its conjunction with the
     * rarest pair (its approximation is a ConjunctionDISI, which orders the postings by cost).
     */
    private static Query phrase(String field, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).text()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        int position = -1;
        for (Token t : tokens) {
            position += t.increment();
            b.add(new Term(field, t.text()), position);
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
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), type.type(), inc.getPositionIncrement()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
