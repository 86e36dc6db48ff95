package cn.reportarchive.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits numbers at their dots and commas: the tokenizer reads "2.12315投诉" (point 2, then the
 * hotline 12315) as one number 2.12315, and a search for 12315 would miss it. As digit groups,
 * 12315 is found there, and 3.5 or 91.7 are still found as the phrase of their groups.
 */
public final class NumberPartsFilter extends TokenFilter {
    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private record Part(String text, int start, int end) {
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final Deque<Part> parts = new ArrayDeque<>();

    public NumberPartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!parts.isEmpty()) {
            Part p = parts.poll();
            term.setEmpty().append(p.text());
            offset.setOffset(p.start(), p.end());
            position.setPositionIncrement(1);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (!NUM.equals(type.type())) {
            return true;
        }
        String text = term.toString();
        int start = offset.startOffset();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.' || text.charAt(i) == ',') {
                if (i > from) {
                    parts.add(new Part(text.substring(from, i), start + from, start + i));
                }
                from = i + 1;
            }
        }
        if (parts.size() <= 1) {
            parts.clear();
            return true;
        }
        Part first = parts.poll();
        term.setEmpty().append(first.text());
        offset.setOffset(first.start(), first.end());
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts.clear();
    }
}
