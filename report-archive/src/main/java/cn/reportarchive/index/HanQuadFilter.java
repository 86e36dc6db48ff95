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

/**
 * Every four characters that stand together in a run of Han characters, and nothing else: the
 * quadruple view, indexed without positions, that lets a search for a run of four or more skip to
 * the passages that can hold it. A run is found as a phrase of its overlapping pairs, whose
 * conjunction walks every passage holding its rarest pair (a seven-character run of the genre: tens
 * of thousands at 100,000 reports, for a few hundred matches); a passage holding the run holds each of
 * its quadruples, which are far rarer, so they are a filter that loses no match. Runs are cut where
 * {@link HanRunGramFilter} cuts them (any character between two Han characters).
 */
public final class HanQuadFilter extends TokenFilter {
    /** Characters in a gram of this view. */
    public static final int WIDTH = 4;
    private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

    private record Char(String text, int start, int end) {
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final org.apache.lucene.analysis.tokenattributes.TypeAttribute type =
            addAttribute(org.apache.lucene.analysis.tokenattributes.TypeAttribute.class);

    private final List<Char> run = new ArrayList<>();
    private final Deque<Char> pending = new ArrayDeque<>();
    private boolean exhausted;

    public HanQuadFilter(TokenStream input) {
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
            } else if (!HAN.equals(type.type())) {
                flushRun();
            } else {
                if (!run.isEmpty() && run.get(run.size() - 1).end() != offset.startOffset()) {
                    flushRun();
                }
                run.add(new Char(term.toString(), offset.startOffset(), offset.endOffset()));
            }
        }
        Char gram = pending.poll();
        clearAttributes();
        term.setEmpty().append(gram.text());
        offset.setOffset(gram.start(), gram.end());
        return true;
    }

    private void flushRun() {
        for (int i = 0; i + WIDTH <= run.size(); i++) {
            StringBuilder text = new StringBuilder();
            for (int j = i; j < i + WIDTH; j++) {
                text.append(run.get(j).text());
            }
            pending.add(new Char(text.toString(), run.get(i).start(), run.get(i + WIDTH - 1).end()));
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
