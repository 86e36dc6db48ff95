package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.search.QueryNode.All;
import cn.reportarchive.search.QueryNode.Any;
import cn.reportarchive.search.QueryNode.Filter;
import cn.reportarchive.search.QueryNode.Not;
import cn.reportarchive.search.QueryNode.Word;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries as a Chinese keyboard types them and as web pages paste them: normalised before they are parsed. */
class QueryTextTest {
    private static QueryNode parse(String q) throws QuerySyntaxException {
        return QueryLanguage.parse(q);
    }

    @Test
    void fullWidthColonMakesAFilter() throws Exception {
        assertEquals(new All(List.of(new Filter("year", "2023"), new Word("八项规定", false))), parse("year：2023 八项规定"));
        assertEquals(new Filter("year", "2023"), parse("ｙｅａｒ：２０２３"));
        assertEquals(new Filter("unit", "财政局"), parse("unit：财政局"));
        // after Chinese text a colon stays text, full-width or not
        assertEquals(new Word("整改措施:", false), parse("整改措施："));
    }

    @Test
    void fullWidthBracketsAroundTermsGroup() throws Exception {
        QueryNode expected = new All(List.of(new Any(List.of(new Word("上访", false), new Word("信访", false))),
                new Word("化解", false)));
        assertEquals(expected, parse("(上访 OR 信访) 化解"));
        assertEquals(expected, parse("（上访 OR 信访）化解"));
        assertEquals(expected, parse("（上访　OR　信访）　化解"));
        // around a number or one word they are the enumeration of a pasted point, and a lone one is punctuation
        assertEquals(new Word("（2）调研不深", false), parse("（2）调研不深"));
        assertEquals(new Word("问题（三", false), parse("问题（三"));
    }

    @Test
    void chineseQuotesQuote() throws Exception {
        assertEquals(new Word("四风", true), parse("“四风”"));
        assertEquals(new Word("四风", true), parse("＂四风＂"));
        assertEquals(new All(List.of(new Word("对", false), new Word("四风", true), new Word("问题认识不深", false))),
                parse("对“四风”问题认识不深"));
        // a lone one is the punctuation it is in a pasted sentence
        assertEquals(new Word("落实“两个维护", false), parse("落实“两个维护"));
    }

    @Test
    void lowerCaseOperators() throws Exception {
        assertEquals(new Any(List.of(new Word("上访", false), new Word("信访", false))), parse("上访 or 信访"));
        assertEquals(new All(List.of(new Word("调研", false), new Word("走过场", false))), parse("调研 and 走过场"));
        assertEquals(new All(List.of(new Word("报表", false), new Not(new Word("乡镇", false)))), parse("报表 not 乡镇"));
    }

    @Test
    void invisibleCharactersAreDropped() throws Exception {
        assertEquals(new Word("形式主义", false), parse("形式\u200B主义"));
        assertEquals(new Word("形式主义", false), parse("\uFEFF形式主义\u200D"));
        assertEquals(new Word("形式主义", false), parse("\u202E形式主义\u202C"));
        assertEquals(new Word("形式主义", false), parse("形\u2060式\u00AD主义"));
        assertEquals(new All(List.of(new Word("调研", false), new Word("走过场", false))), parse("调研\u00A0走过场"));
        assertEquals(new All(List.of(new Word("调研", false), new Word("走过场", false))), parse("调研\n\t走过场"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"形式\u0000主义", "形式\u0007主义", "\u001B[31m形式", "形式\u007F", "\uD800形式", "形式\uDC00"})
    void controlCharactersAndLoneSurrogatesAreRefusedInChinese(String query) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parse(query));
        assertTrue(e.getMessage().contains("字符"), e.getMessage());
    }

    @Test
    void aLongPasteIsTakenAndBeyondItsMaximumRefusedWithItsLength() throws Exception {
        String point = "一是理论学习不够深入系统，满足于读原文、记笔记，对党的创新理论的理解不深不透。";
        String paste = point.repeat(QueryLanguage.MAX_CHARS / point.length());
        assertTrue(paste.length() > 1000);
        assertEquals(new Word(paste, false), parse(paste));
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parse("报".repeat(10_000)));
        assertTrue(e.getMessage().contains("最多 " + QueryLanguage.MAX_CHARS), e.getMessage());
        assertThrows(QuerySyntaxException.class, () -> parse("(".repeat(5_000) + "报表" + ")".repeat(5_000)));
        assertThrows(QuerySyntaxException.class, () -> parse("(".repeat(900) + "报表" + ")".repeat(900)));
    }

    @Test
    void nothingButPunctuationIsASentenceNotTheWholeArchive() {
        QueryCompiler compiler = new QueryCompiler(cn.reportarchive.parse.AspectTaxonomy.defaults(), RelatedWords.none(),
                cn.reportarchive.archive.UnitDirectory::key);
        for (String q : List.of("*", "。，、", "\"。\"", "(*)", "* OR ？")) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                    () -> compiler.compile(parse(q), Ranking.DEFAULT, true), q);
            assertTrue(e.getMessage().contains("没有可以查找的文字"), e.getMessage());
        }
    }
}
