package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class SearchCommandTest {
    private static final List<String> HIT_KEYS = List.of("reportId", "title", "year", "unit", "author", "section",
            "aspect", "ref", "text", "snippet", "score");

    @TempDir
    static Path tmp;
    static String data;

    @BeforeAll
    static void importSamples() {
        data = CliRunner.importSamples(tmp, "yunxi-dw-2022.txt", "qingshan-scjg-2023.txt", "linjiang-czj-2022.docx");
    }

    @Test
    void jsonHasTotalHitsAndFacets() {
        // in plain rank order (a report's third passage may otherwise step back behind lower scores)
        CliRunner.Result r = CliRunner.run("search", "群众", "--per-report", "0", "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode result = r.json();
        assertTrue(CliRunner.fieldNames(result).containsAll(List.of("total", "hits", "facets")),
                CliRunner.fieldNames(result).toString());
        int total = result.get("total").asInt();
        JsonNode hits = result.get("hits");
        assertTrue(total > 3, result.toString());
        assertEquals(Math.min(total, 20), hits.size());
        double lastScore = Double.MAX_VALUE;
        for (JsonNode hit : hits) {
            assertTrue(CliRunner.fieldNames(hit).containsAll(HIT_KEYS), CliRunner.fieldNames(hit).toString());
            assertTrue(hit.get("text").asText().contains("群众"), hit.toString());
            assertTrue(hit.get("snippet").asText().contains("<mark>群众</mark>"), hit.get("snippet").asText());
            assertTrue(hit.get("ref").asText().matches("[a-z]+(/\\d+){0,2}"), hit.get("ref").asText());
            assertTrue(hit.get("year").isInt(), hit.toString());
            double score = hit.get("score").asDouble();
            assertTrue(score > 0 && score <= lastScore, "hits are ordered by score: " + hits);
            lastScore = score;
        }
        JsonNode facets = result.get("facets");
        assertEquals(Set.of("year", "unit", "aspect", "section"), Set.copyOf(CliRunner.fieldNames(facets)));
        int bySection = 0;
        for (JsonNode count : facets.get("section")) {
            bySection += count.asInt();
        }
        assertEquals(total, bySection, "every passage is in exactly one section: " + facets);
        int byYear = facets.get("year").get("2022").asInt() + facets.get("year").get("2023").asInt();
        assertEquals(total, byYear, facets.toString());
    }

    @Test
    void limitCapsTheHitsButNotTheTotal() {
        JsonNode all = CliRunner.run("search", "群众", "--data", data, "--json").json();
        JsonNode two = CliRunner.run("search", "群众", "--limit", "2", "--data", data, "--json").json();
        assertEquals(2, two.get("hits").size());
        assertEquals(all.get("total"), two.get("total"));
        assertEquals(all.get("hits").get(0).get("ref"), two.get("hits").get(0).get("ref"));
        assertEquals(all.get("hits").get(1).get("reportId"), two.get("hits").get(1).get("reportId"));
    }

    @Test
    void filtersByYearUnitAspectAndSection() {
        JsonNode byYear = CliRunner.run("search", "群众", "--year", "2023", "--data", data, "--json").json();
        assertTrue(byYear.get("total").asInt() > 0);
        byYear.get("hits").forEach(h -> assertEquals(2023, h.get("year").asInt()));

        JsonNode byUnit = CliRunner.run("search", "群众", "--unit", "云溪镇", "--data", data, "--json").json();
        assertTrue(byUnit.get("total").asInt() > 0);
        byUnit.get("hits").forEach(h -> assertEquals("云溪镇", h.get("unit").asText()));

        JsonNode byAspect = CliRunner.run("search", "群众", "--aspect", "为民宗旨", "--data", data, "--json").json();
        assertTrue(byAspect.get("total").asInt() > 0);
        byAspect.get("hits").forEach(h -> assertEquals("people", h.get("aspect").asText()));

        JsonNode bySection = CliRunner.run("search", "群众", "--section", "措施", "--data", data, "--json").json();
        assertTrue(bySection.get("total").asInt() > 0);
        bySection.get("hits").forEach(h -> assertEquals("measures", h.get("section").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"群众 路线", "(群众 AND 信访", "群众 AND", "群众 OR", "AND 群众", "群众)"})
    void malformedQueryGivesExitTwoAndOneChineseSentence(String query) {
        CliRunner.Result r = CliRunner.run("search", query, "--data", data, "--json");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out().strip(), "nothing on stdout");
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), r.err());
        assertTrue(CliRunner.hasHan(lines.get(0)), r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
    }

    @Test
    void verboseMalformedQueryMayShowTheStackTrace() {
        CliRunner.Result r = CliRunner.run("search", "(群众", "--verbose", "--data", data, "--json");
        assertEquals(2, r.code());
        assertTrue(CliRunner.hasHan(r.errLines().get(0)), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--aspect", "--section"})
    void unknownAspectOrSectionGivesExitTwoAndAChineseSentence(String option) {
        CliRunner.Result r = CliRunner.run("search", "群众", option, "没有这个", "--data", data, "--json");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("没有这个"), r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
    }

    @Test
    void noMatchGivesZeroTotalAndNoHits() {
        CliRunner.Result r = CliRunner.run("search", "量子纠缠", "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, r.json().get("total").asInt());
        assertEquals(0, r.json().get("hits").size());
    }

    @Test
    void badQueriesAreExitTwoWithOneChineseSentence() {
        for (String q : List.of("*", "。。", "报".repeat(10_000), "(".repeat(5_000) + "报表" + ")".repeat(5_000),
                "形式\u0007主义", "unit:临江县财政厅 八项规定")) {
            CliRunner.Result r = CliRunner.run("search", q, "--data", data, "--json");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertTrue(r.out().isBlank(), r.out());
        }
    }

    @Test
    void theKeyboardsFormsAndPartialMatchesOnTheCommandLine() {
        CliRunner.Result typed = CliRunner.run("search", "（群众 or 信访）　year：2022", "--data", data, "--json");
        CliRunner.Result ascii = CliRunner.run("search", "(群众 OR 信访) year:2022", "--data", data, "--json");
        assertEquals(0, typed.code(), typed.err());
        assertEquals(ascii.json().get("hits"), typed.json().get("hits"));
        assertTrue(typed.json().get("total").asInt() > 0);
        CliRunner.Result partial = CliRunner.run("search", "群众 八项规定 营商环境 网格化", "--data", data);
        assertEquals(0, partial.code(), partial.err());
        assertTrue(partial.err().contains("去掉“"), partial.err());
    }
}
