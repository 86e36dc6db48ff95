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

class QueryLanguageTest {
    private static QueryNode parse(String q) throws QuerySyntaxException {
        return QueryLanguage.parse(q);
    }

    @Test
    void spaceIsAndOrBindsLooserAndNotTakesOneWord() throws Exception {
        assertEquals(new All(List.of(new Word("调研", false), new Word("走过场", false))), parse("调研 走过场"));
        assertEquals(new Any(List.of(new All(List.of(new Word("上访", false), new Word("积案", false))),
                new Word("信访", false))), parse("上访 积案 OR 信访"));
        assertEquals(new All(List.of(new Word("报表", false), new Not(new Word("乡镇", false)),
                new Not(new Word("企业", false)))), parse("报表 -乡镇 NOT 企业"));
        assertEquals(new All(List.of(new Word("报表", false), new Word("乡镇", false))), parse("报表 AND 乡镇"));
    }

    @Test
    void quotesMakeAPhraseAndParenthesesGroup() throws Exception {
        assertEquals(new Word("四风", true), parse("\"四风\""));
        assertEquals(new All(List.of(new Any(List.of(new Word("上访", false), new Word("信访", false))),
                new Word("化解", false))), parse("(上访 OR 信访) 化解"));
    }

    @Test
    void fieldFilters() throws Exception {
        assertEquals(new All(List.of(new Word("八项规定", false), new Filter("year", "2021..2023"),
                new Filter("unit", "临江县财政局"), new Filter("aspect", "廉洁自律"), new Filter("section", "问题"),
                new Filter("author", "周立新"))),
                parse("八项规定 year:2021..2023 unit:临江县财政局 aspect:廉洁自律 section:问题 author:周立新"));
        assertEquals(new Filter("unit", "临江县 财政局"), parse("unit:\"临江县 财政局\""));
    }

    @Test
    void whatIsNoSyntaxIsTakenLiterally() throws Exception {
        assertEquals(new Word("12315/12345", false), parse("12315/12345"));
        assertEquals(new Word("整改措施:", false), parse("整改措施:"));
        assertEquals(new Word("群众~", false), parse("群众~"));
        assertEquals(new Word("（2）调研不深", false), parse("（2）调研不深"));
        assertEquals(new Word("12315-12345", false), parse("12315-12345"));
        assertEquals(new All(List.of()), parse("   "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"四风", "八项规定 \"", "(上访 OR 信访", "上访)", "上访 OR", "OR 上访", "上访 OR OR 信访",
            "报表 -", "NOT", "AND 报表", "报表 AND", "()", "foo:bar", "year:", "year:二〇二三", "year:2024..2021",
            "unit:\"临江县"})
    void malformedQueriesSayWhatIsWrongInChinese(String query) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> {
            QueryNode node = parse(query);
            // value errors are found when the filter is compiled
            new QueryCompiler(cn.reportarchive.parse.AspectTaxonomy.defaults(), RelatedWords.none(),
                    cn.reportarchive.archive.UnitDirectory::key)
                    .compile(node, Ranking.DEFAULT, true);
        });
        assertTrue(e.getMessage().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                e.getMessage());
        assertTrue(e.getMessage().length() < 120, e.getMessage());
    }

    @Test
    void anOverlongQueryIsRefused() {
        assertThrows(QuerySyntaxException.class, () -> parse("报表".repeat(1001)));
    }
}
