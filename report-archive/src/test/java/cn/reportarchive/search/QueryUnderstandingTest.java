package cn.reportarchive.search;

import cn.reportarchive.SharedSamples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.parse.Passages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user types and pastes, over the sample archive: titles and headings found like the body, names
 * finding their reports, the Chinese keyboard's forms meaning what they look like, partial matches with
 * the words dropped, related-word hits marked, typed filters reported and facet counts kept by a click.
 */
@Tag("integration")
@ExtendWith(SharedSamples.Resolver.class)
class QueryUnderstandingTest {
    private static SharedSamples archive;
    /** Every searchable piece: reportId, ref, passage kind, text. */
    private static List<String[]> pieces;

    @BeforeAll
    static void setUp(SharedSamples shared) throws Exception {
        archive = shared;
        pieces = new ArrayList<>();
        for (StoredReport stored : archive.app().archive().list(null, null)) {
            for (Passages.Piece p : Passages.searchable(stored.report())) {
                pieces.add(new String[] {stored.report().id(), p.passage().ref().toString(), p.kind().key(), p.passage().text()});
            }
        }
    }


    private static SearchResult search(String q) throws Exception {
        return archive.app().search().search(new SearchRequest(q, null, null, null, null, 1, SearchRequest.MAX_SIZE));
    }

    private static SearchResult search(SearchRequest r) throws Exception {
        return archive.app().search().search(r);
    }

    private static List<SearchHit> all(String q, boolean related) throws Exception {
        List<SearchHit> out = new ArrayList<>();
        for (int page = 1; page < 50; page++) {
            SearchResult r = search(new SearchRequest(q, null, null, null, null, page, SearchRequest.MAX_SIZE,
                    SearchRequest.Order.RELEVANCE, related, 0));
            out.addAll(r.hits());
            if (r.hits().size() < SearchRequest.MAX_SIZE) {
                return out;
            }
        }
        return out;
    }

    private static Set<String> keys(List<SearchHit> hits) {
        return hits.stream().map(h -> h.reportId() + " " + h.ref() + " " + h.passage()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> piecesHolding(String run) {
        return pieces.stream().filter(p -> Understanding.plain(p[3]).contains(Understanding.plain(run)))
                .map(p -> p[0] + " " + p[1] + " " + p[2]).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void wordsOnlyInAHeadingOrTheTitleAreFoundAsHeadingsAndTitles() throws Exception {
        List<SearchHit> heading = all("力戒形式主义官僚主义", false);
        assertFalse(heading.isEmpty());
        assertTrue(heading.stream().anyMatch(h -> h.passage().equals("heading") && "style".equals(h.aspect())
                && h.ref().startsWith("problems/")), "the heading gives its block's aspect");
        assertEquals(piecesHolding("力戒形式主义官僚主义"), keys(heading));

        List<SearchHit> titles = all("主题教育专题民主生活会对照检查材料", false);
        assertTrue(titles.stream().anyMatch(h -> h.passage().equals("title") && h.ref().equals("title")));
        assertEquals(piecesHolding("主题教育专题民主生活会对照检查材料"), keys(titles));
        titles.stream().filter(h -> h.passage().equals("title")).forEach(h -> assertEquals(h.title(), h.text()));
    }

    @Test
    void aWordCountsItsHeadingsAndTheFacetsAddUpToTheHits() throws Exception {
        List<SearchHit> hits = all("形式主义", false);
        assertEquals(piecesHolding("形式主义"), keys(hits), "grep parity over text, headings and titles");
        assertTrue(hits.stream().anyMatch(h -> h.passage().equals("heading")));
        SearchResult r = search(new SearchRequest("形式主义", null, null, null, null, 1, 20).withRelated(false));
        assertEquals(hits.size(), r.total());
        for (Map.Entry<String, Integer> e : r.facets().get("aspect").entrySet()) {
            long clicked = search(new SearchRequest("形式主义", null, null, e.getKey(), null, 1, 20).withRelated(false)).total();
            assertEquals((long) e.getValue(), clicked, "aspect " + e.getKey());
        }
        assertEquals(r.total(), r.facets().get("section").values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void anAuthorsNameTypedBareFindsHisReportsFirst() throws Exception {
        SearchResult r = search("周立新");
        List<SearchHit> first = r.hits().subList(0, 3);
        first.forEach(h -> {
            assertEquals("周立新", h.author());
            assertEquals("title", h.passage());
            assertEquals("周立新", h.matchedName());
        });
        assertEquals(3, first.stream().map(SearchHit::reportId).distinct().count());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("周立新") && n.contains("作者姓名")), r.notes().toString());

        // beside another word the name narrows to his passages (or passages naming him)
        List<SearchHit> his = all("周立新 形式主义", false);
        assertFalse(his.isEmpty());
        his.forEach(h -> {
            assertTrue("周立新".equals(h.author()) || h.text().contains("周立新"), h.reportId());
            assertTrue(Understanding.plain(h.text()).contains("形式主义"), h.text());
        });
    }

    @Test
    void aUnitsShortNameTypedBareFindsItsReports() throws Exception {
        SearchResult r = search("财政局");
        Set<String> czj = archive.app().archive().list("临江县财政局", null).stream().map(s -> s.report().id()).collect(Collectors.toSet());
        assertEquals(3, czj.size());
        Set<String> titled = r.hits().stream().filter(h -> h.passage().equals("title") && czj.contains(h.reportId()))
                .map(SearchHit::reportId).collect(Collectors.toSet());
        assertEquals(czj, titled);
        assertEquals("title", r.hits().get(0).passage());
    }

    @Test
    void unitAndAuthorFiltersTakeShortNamesAliasesAndPartsAndSayTheClosestOtherwise() throws Exception {
        for (String q : List.of("unit:财政局", "unit：财政局", "unit:中共临江县财政局党组", "unit:临江县财政局")) {
            SearchResult r = search(q + " 八项规定");
            assertTrue(r.total() > 0, q);
            r.hits().forEach(h -> assertEquals("临江县财政局", h.unit(), q));
            assertEquals(Map.of("unit", List.of("临江县财政局")), r.queryFilters(), q);
        }
        SearchResult abbreviated = search("unit:市场监管局");
        assertTrue(abbreviated.total() > 0);
        abbreviated.hits().forEach(h -> assertEquals("青山区市场监督管理局", h.unit()));
        assertTrue(abbreviated.notes().stream().anyMatch(n -> n.contains("青山区市场监督管理局")));

        SearchResult byPart = search("author:立新");
        assertTrue(byPart.total() > 0);
        byPart.hits().forEach(h -> assertEquals("周立新", h.author()));

        QuerySyntaxException unit = assertThrows(QuerySyntaxException.class, () -> search("unit:临江县财政厅"));
        assertTrue(unit.getMessage().contains("没有名为“临江县财政厅”的单位") && unit.getMessage().contains("临江县财政局"),
                unit.getMessage());
        QuerySyntaxException author = assertThrows(QuerySyntaxException.class, () -> search("author:周立鑫"));
        assertTrue(author.getMessage().contains("最接近的有：周立新"), author.getMessage());
    }

    @Test
    void aViewerIsNeverProposedAUnitItMayNotSee() throws Exception {
        SearchRequest r = new SearchRequest("unit:财政局", null, null, null, null, 1, 20).withUnits(Set.of("云溪镇"));
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> search(r));
        assertFalse(e.getMessage().contains("临江县"), e.getMessage());
        SearchResult bare = search(new SearchRequest("周立新", null, null, null, null, 1, 20).withUnits(Set.of("云溪镇")));
        assertTrue(bare.hits().stream().allMatch(h -> "云溪镇".equals(h.unit())));
        assertTrue(bare.notes().stream().noneMatch(n -> n.contains("作者")));
    }

    @Test
    void theChineseKeyboardsFormsMeanWhatTheyLookLike() throws Exception {
        assertSame("year:2023 八项规定", "year：2023 八项规定");
        assertTrue(search("year：2023 八项规定").total() > 0);
        assertSame("(上访 OR 信访) 化解", "（上访 OR 信访）化解");
        assertSame("上访 OR 信访", "上访 or 信访");
        assertSame("报表 NOT 乡镇", "报表 not 乡镇");
        assertSame("\"四风\"", "“四风”");
        assertSame("形式主义", "形式\u200B主义");
        assertSame("形式主义", "\uFEFF形式主义\u202E");
        assertSame("调研 走过场", "调研\u3000走过场");
    }

    private static void assertSame(String typed, String asTyped) throws Exception {
        SearchResult a = search(typed);
        SearchResult b = search(asTyped);
        assertEquals(keys(a.hits()), keys(b.hits()), asTyped);
        assertEquals(a.total(), b.total(), asTyped);
    }

    @Test
    void manyWordsThatNeverStandTogetherGiveTheBestPartialMatchesAndSayWhichWordsWereDropped() throws Exception {
        SearchResult r = search("八项规定 营商环境 报表 网格化 乡村振兴 四风");
        assertTrue(r.total() > 0);
        assertFalse(r.dropped().isEmpty());
        List<String> kept = new ArrayList<>(List.of("八项规定", "营商环境", "报表", "网格化", "乡村振兴", "四风"));
        kept.removeAll(r.dropped());
        assertFalse(kept.isEmpty());
        for (SearchHit h : r.hits()) {
            for (String w : kept) {
                assertTrue(Understanding.plain(h.text()).contains(w) || !h.related().isEmpty(), w + " in " + h.text());
            }
        }
        assertTrue(r.notes().get(0).contains("去掉“" + r.dropped().get(0)), r.notes().toString());
        // a facet clicked on a partial result keeps its words: the count is what the click gives
        for (Map.Entry<String, Integer> e : r.facets().get("year").entrySet()) {
            SearchResult clicked = search(new SearchRequest("八项规定 营商环境 报表 网格化 乡村振兴 四风",
                    Integer.valueOf(e.getKey()), null, null, null, 1, 20));
            assertEquals((long) e.getValue(), clicked.total(), "year " + e.getKey());
            assertEquals(r.dropped(), clicked.dropped());
        }
    }

    @Test
    void aPastedSentenceFoundNowhereAsItStandsGivesThePassagesHoldingMostOfItsWords() throws Exception {
        String pasted = "我们在落实中央八项规定精神方面，仍然存在调研走过场、基层报表负担重的问题";
        SearchResult r = search(pasted);
        assertTrue(r.total() > 0);
        assertFalse(r.dropped().isEmpty());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("去掉")));
        assertEquals(0, search("\"" + pasted + "\"").total(), "quoted, it is taken as it stands");
    }

    @Test
    void aRelatedWordHitIsMarkedAndNoted() throws Exception {
        SearchResult r = archive.app().search().search(new SearchRequest("上访", null, null, null, null, 1, 200));
        List<SearchHit> related = r.hits().stream().filter(h -> !h.related().isEmpty()).toList();
        assertFalse(related.isEmpty());
        related.forEach(h -> {
            assertFalse(h.text().contains("上访"), h.text());
            assertTrue(h.related().stream().allMatch(w -> h.text().contains(w)), h.related() + " " + h.text());
        });
        r.hits().stream().filter(h -> h.text().contains("上访")).forEach(h -> assertTrue(h.related().isEmpty()));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("含相关词：") && n.contains("信访")), r.notes().toString());
        assertTrue(r.related().contains("信访"));
        assertTrue(search("\"上访\"").related().isEmpty());
    }

    @Test
    void aTypedFilterIsReportedAndTheSameFieldClickedReplacesIt() throws Exception {
        SearchResult typed = search("八项规定 year:2023");
        assertEquals(Map.of("year", List.of("2023")), typed.queryFilters());
        int shownFor2022 = typed.facets().get("year").get("2022");
        assertTrue(shownFor2022 > 0);
        SearchResult clicked = search(new SearchRequest("八项规定 year:2023", 2022, null, null, null, 1, 20));
        assertEquals(shownFor2022, clicked.total());
        assertTrue(clicked.hits().stream().allMatch(h -> h.year() == 2022));
        assertEquals(Map.of(), clicked.queryFilters(), "the click's filter replaced the typed one");
        assertEquals(List.of("2021", "2022", "2023"), search("year:2021..2023 报表").queryFilters().get("year"));
        assertEquals(List.of("theory"), search("aspect:理论学习").queryFilters().get("aspect"));
    }

    @Test
    void nothingButPunctuationOrAStarIsASentence() {
        for (String q : List.of("*", "**", "。。。", "？！", "(*)")) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> search(q), q);
            assertTrue(e.getMessage().contains("没有可以查找的文字"), e.getMessage());
        }
    }
}
