package cn.reportarchive.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Index side of the character-pair view. Like CJKBigramFilter it turns each run of Han characters
 * into overlapping pairs, and also gives the first and the last character of a run as a single
 * at the position of the first and last pair. A query cut at punctuation or a digit can end in a
 * single character (要求，但 → 要求 但); in the text that character opens or closes a run, so the
 * phrase of the query's pairs and singles finds it where plain pairs could not.
 * The query side is plain CJKBigramFilter: pairs for runs of two or more, a single for one.
 *
 * <p>Each three characters of a run are also given as a triple, at the position of the pair they
 * begin (increment 0, so positions and field lengths stay the pairs'). A typed run of three or more is
 * then searched as the phrase of the triples that tile it two positions apart ({@code RunQueries}):
 * half the pair phrase's terms, each rarer, and the same passages. Why: the genre's runs are stock
 * phrases whose every pair is common, and matching their pair phrases was most of a slow search's time
 * at 100,000 reports (BENCHMARKS.md, "triples").
 */
public final class HanRunGramFilter extends TokenFilter {
    public static final String DOUBLE = "<DOUBLE>";
    public static final String SINGLE = "<SINGLE>";
    public static final String TRIPLE = "<TRIPLE>";
    private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

    private record Char(String text, int start, int end, int positionIncrement) {
    }

    private record Gram(String text, int start, int end, int positionIncrement, String type) {
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    private final List<Char> run = new ArrayList<>();
    /** Grams of a finished run, and the captured token that ended it, waiting to be given out. */
    private final Deque<Object> pending = new ArrayDeque<>();
    private boolean exhausted;

    public HanRunGramFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (pending.isEmpty()) {
            if (exhausted) {
                return false;
            }
            if (!input.incrementToken()) {
                exhausted = true;
                flushRun();
                continue;
            }
            if (HAN.equals(type.type())) {
                if (!run.isEmpty() && run.get(run.size() - 1).end() != offset.startOffset()) {
                    flushRun();
                }
                run.add(new Char(term.toString(), offset.startOffset(), offset.endOffset(),
                        position.getPositionIncrement()));
                continue;
            }
            flushRun();
            pending.add(captureState());
        }
        Object next = pending.poll();
        if (next instanceof Gram gram) {
            clearAttributes();
            term.setEmpty().append(gram.text());
            offset.setOffset(gram.start(), gram.end());
            position.setPositionIncrement(gram.positionIncrement());
            type.setType(gram.type());
        } else {
            restoreState((State) next);
        }
        return true;
    }

    private void flushRun() {
        if (run.isEmpty()) {
            return;
        }
        Char first = run.get(0);
        if (run.size() == 1) {
            pending.add(new Gram(first.text(), first.start(), first.end(), first.positionIncrement(), SINGLE));
        } else {
            for (int i = 0; i + 1 < run.size(); i++) {
                Char a = run.get(i);
                Char b = run.get(i + 1);
                pending.add(new Gram(a.text() + b.text(), a.start(), b.end(), i == 0 ? first.positionIncrement() : 1,
                        DOUBLE));
                if (i == 0) {
                    pending.add(new Gram(a.text(), a.start(), a.end(), 0, SINGLE));
                }
                if (i + 2 < run.size()) {
                    Char c = run.get(i + 2);
                    pending.add(new Gram(a.text() + b.text() + c.text(), a.start(), c.end(), 0, TRIPLE));
                }
                if (i + 2 == run.size()) {
                    pending.add(new Gram(b.text(), b.start(), b.end(), 0, SINGLE));
                }
            }
        }
        run.clear();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        run.clear();
        pending.clear();
        exhausted = false;
    }
}
