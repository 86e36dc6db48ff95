package cn.reportarchive.cli;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** similar and the suggestions of search, on the command line, on an archive holding 形式主义 and 凝心铸魂. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@Tag("integration")
class SimilarCommandTest {
    static final Path FIXTURES = Path.of("report-archive/src/test/resources/similar").toAbsolutePath();
    private static final List<String> HIT_KEYS = List.of("reportId", "title", "year", "unit", "author", "section",
            "aspect", "ref", "text", "similarity");

    @TempDir
    static Path tmp;
    static String data;

    @BeforeAll
    static void importArchive() throws IOException {
        Path in = tmp.resolve("in");
        CliRunner.copySamples(in, "yunxi-dw-2022.txt", "yunxi-dw-2023.pdf", "qingshan-scjg-2024.docx");
        for (String f : List.of("qingshan-jyj-2023.txt", "yunxi-nyb-2023.txt")) {
            Files.copy(FIXTURES.resolve(f), in.resolve(f));
        }
        data = tmp.resolve("data").toString();
        CliRunner.Result r = CliRunner.run("import", in.toString(), "--data", data, "--json");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void aPastedProblemFindsThePointsThatSayTheSameAcrossUnitsMostSimilarFirst() {
        // worded as an inspector would paste it, none of its sentences standing as such in the archive
        CliRunner.Result r = CliRunner.run("similar", "镇上对村里的考核检查和报表台账太多，指尖上的形式主义还没根除，统筹精简的办法少",
                "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode hits = r.json().get("hits");
        assertTrue(hits.size() >= 3, hits.toString());
        double last = 2;
        List<String> units = new ArrayList<>();
        for (JsonNode h : hits) {
            assertTrue(CliRunner.fieldNames(h).containsAll(HIT_KEYS), CliRunner.fieldNames(h).toString());
            double s = h.get("similarity").asDouble();
            assertTrue(s > 0 && s <= 1 && s <= last, "most similar first: " + hits);
            last = s;
            units.add(h.get("unit").asText());
        }
        // the two years of 云溪镇 that say it almost word for word come first, then other units' own wording
        assertEquals("云溪镇", hits.get(0).get("unit").asText(), hits.toString());
        assertTrue(hits.get(0).get("text").asText().contains("指尖上的形式主义"), hits.toString());
        assertTrue(hits.get(0).get("shared").toString().contains("指尖上的形式主义"), hits.get(0).toString());
        assertTrue(units.contains("青山区教育局") && units.stream().anyMatch(u -> u.startsWith("云溪镇农业服务中心")),
                "the same problem in other units' words: " + units);
    }

    @Test
    void unitYearAndLimitNarrowTheHits() {
        String text = "镇里对村的考核检查、报表台账偏多，基层负担重，统筹精简不够";
        JsonNode all = CliRunner.run("similar", text, "--data", data, "--json").json().get("hits");
        assertTrue(all.size() >= 2, all.toString());
        JsonNode one = CliRunner.run("similar", text, "--limit", "1", "--data", data, "--json").json().get("hits");
        assertEquals(1, one.size());
        assertEquals(all.get(0).get("ref"), one.get(0).get("ref"));
        JsonNode unit = CliRunner.run("similar", text, "--unit", "中共云溪镇委员会", "--data", data, "--json").json().get("hits");
        assertFalse(unit.isEmpty());
        unit.forEach(h -> assertEquals("云溪镇", h.get("unit").asText(), h.toString()));
        JsonNode year = CliRunner.run("similar", text, "--year", "2022", "--data", data, "--json").json().get("hits");
        assertFalse(year.isEmpty());
        year.forEach(h -> assertEquals(2022, h.get("year").asInt(), h.toString()));
    }

    @Test
    void badTextIsOneChineseSentenceAndExitTwo() {
        for (String bad : List.of("", "   ", "！！。。，，……", "*", "a\u0001b", "问题".repeat(1001))) {
            CliRunner.Result r = CliRunner.run("similar", bad, "--data", data, "--json");
            assertEquals(2, r.code(), bad + " → " + r.out() + r.err());
            assertTrue(CliRunner.hasHan(r.err()), r.err());
            assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void slipsAndHomophonesGetTheArchivesOwnWording() {
        assertSuggests("形式住义", "形式主义");
        assertSuggests("凝心筑魂", "凝心铸魂");
        assertSuggests("形式主義", "形式主义");
        // with a filter and a second word, only the slip is mended
        assertSuggests("凝心筑魂 year:2023", "凝心铸魂 year:2023");
    }

    @Test
    void aQueryThatFindsEnoughGetsNoSuggestions() {
        JsonNode r = CliRunner.run("search", "形式主义", "--data", data, "--json").json();
        assertTrue(r.get("total").asInt() > 3, r.toString());
        assertTrue(r.get("suggestions").isArray() && r.get("suggestions").isEmpty(), r.toString());
        // nothing near it in the archive: no suggestion rather than a wild one
        JsonNode none = CliRunner.run("search", "量子纠缠", "--data", data, "--json").json();
        assertEquals(0, none.get("total").asInt());
        assertTrue(none.get("suggestions").isEmpty(), none.toString());
    }

    @Test
    void theTextOutputSaysDidYouMean() {
        CliRunner.Result r = CliRunner.run("search", "凝心筑魂", "--data", data);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("您是不是要找：凝心铸魂"), r.err());
    }

    private static void assertSuggests(String query, String expected) {
        CliRunner.Result r = CliRunner.run("search", query, "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode result = r.json();
        assertEquals(0, result.get("total").asInt(), result.toString());
        List<String> suggestions = new ArrayList<>();
        result.get("suggestions").forEach(s -> suggestions.add(s.asText()));
        assertEquals(expected, suggestions.isEmpty() ? null : suggestions.get(0), query + " → " + suggestions);
        // a suggestion finds what the query did not
        JsonNode fixed = CliRunner.run("search", expected, "--data", data, "--json").json();
        assertTrue(fixed.get("total").asInt() > 0, fixed.toString());
    }
}
