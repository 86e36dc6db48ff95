package cn.reportarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The quadruple view: every four characters of each Han run, runs cut where the pair view cuts them. */
class HanQuadFilterTest {
    private final Analyzer quads = Analyzers.characterQuads();

    @Test
    void everyFourCharactersOfARun() throws Exception {
        assertEquals(List.of("形式主义", "式主义问", "主义问题"), quads("形式主义问题"));
        assertEquals(List.of("形式主义"), quads("形式主义"));
        assertEquals(List.of(), quads("形式主"));
    }

    @Test
    void runsAreCutByAnythingThatIsNotHan() throws Exception {
        // punctuation, a space, a digit, a Latin word: no quadruple spans them
        assertEquals(List.of("理论学习", "调查研究"), quads("理论学习，调查研究"));
        assertEquals(List.of(), quads("形式 主义"));
        assertEquals(List.of("每季度到", "次基层蹲", "基层蹲点", "层蹲点调", "蹲点调研"), quads("每季度到5次基层蹲点调研"));
        assertEquals(List.of("落实中央", "实中央八"), quads("落实中央八ABC项规定"));
    }

    @Test
    void fullWidthAndLetterCaseAreFoldedAsInThePairView() throws Exception {
        // the folding runs before the runs are read: a full-width digit cuts a run as an ASCII one does
        assertEquals(quads("调查研究3次深入基层"), quads("调查研究３次深入基层"));
    }

    private List<String> quads(String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = quads.tokenStream(Fields.TEXT_QUADS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}
