package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run of Chinese characters that stands in a passage finds that passage, whatever the word boundaries. */
@Tag("integration")
class SubstringSearchTest {
    @TempDir
    static Path dir;
    static Application app;
    static List<Report> reports = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        app = TestArchive.open(dir);
        for (String id : TestArchive.importSamples(app, "yunxi-dw-2022.txt", "linjiang-czj-2022.docx",
                "qingshan-scjg-zhoulixin-2024.docx", "yunxi-dw-2023.pdf")) {
            reports.add(app.archive().get(id).orElseThrow());
        }
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Item passages of every report, every third one. */
    private static List<Passage> sampleItems() {
        List<Passage> out = new ArrayList<>();
        for (Report r : reports) {
            List<Passage> items = Passages.of(r).stream().filter(p -> p.ref().isItem()).toList();
            assertTrue(items.size() > 15, r.filename() + " has items");
            for (int i = 0; i < items.size(); i += 3) {
                out.add(items.get(i));
            }
        }
        return out;
    }

    /** Runs of Han characters in the text, longest first. */
    private static List<String> hanRuns(String text) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isHan(c)) {
                run.appendCodePoint(c);
            } else {
                if (run.length() > 0) {
                    runs.add(run.toString());
                }
                run.setLength(0);
            }
        });
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        runs.sort((a, b) -> b.length() - a.length());
        return runs;
    }

    private static String idOf(Passage p) {
        return reports.stream().filter(r -> Passages.of(r).contains(p)).findFirst().orElseThrow().id();
    }

    private static void assertFinds(String query, String reportId, Passage passage) throws Exception {
        List<SearchHit> hits = TestArchive.allHits(app, query, null, null, null, null);
        SearchHit hit = hits.stream().filter(h -> h.reportId().equals(reportId) && h.ref().equals(passage.ref().toString()))
                .findFirst().orElse(null);
        assertTrue(hit != null, "'" + query + "' should find " + passage.ref() + " of " + reportId + ": "
                + passage.text() + " (got " + hits.size() + " hits)");
        assertEquals(passage.text(), hit.text());
        assertTrue(hit.snippet().contains("<mark>"), "the match is marked: " + hit.snippet());
        for (SearchHit h : hits) {
            assertTrue(h.text().contains(query), "every hit contains '" + query + "': " + h.text());
        }
    }

    @Test
    void substringsOfItemTextsFindTheirPassage() throws Exception {
        int tried = 0;
        for (Passage p : sampleItems()) {
            String id = idOf(p);
            String run = hanRuns(p.text()).get(0);
            assertTrue(run.length() >= 6, p.text());
            // lengths 2 to 6 at different offsets, crossing whatever word boundaries stand there
            for (int len = 2; len <= 6; len++) {
                int start = (run.length() - len) * (len - 2) / 4;
                assertFinds(run.substring(start, start + len), id, p);
                tried++;
            }
        }
        assertTrue(tried > 50, "tried " + tried);
    }

    @Test
    void substringsAcrossChinesePunctuationFindTheirPassage() throws Exception {
        int tried = 0;
        for (Passage p : sampleItems()) {
            String text = p.text();
            int comma = text.indexOf('，', 3);
            if (comma < 0 || comma + 3 > text.length() || !isHan(text.charAt(comma - 2)) || !isHan(text.charAt(comma - 1))
                    || !isHan(text.charAt(comma + 1)) || !isHan(text.charAt(comma + 2))) {
                continue;
            }
            assertFinds(text.substring(comma - 2, comma + 3), idOf(p), p);
            tried++;
        }
        assertTrue(tried > 10, "tried " + tried);
    }

    @Test
    void wholeItemTextWithoutItsMarkerFindsItsPassage() throws Exception {
        for (Passage p : sampleItems().subList(0, 8)) {
            String run = hanRuns(p.text()).get(0);
            assertFinds(run, idOf(p), p);
        }
    }

    @Test
    void singleCharacterFindsEveryPassageThatHoldsIt() throws Exception {
        List<SearchHit> everything = TestArchive.allHits(app, "", null, null, null, null);
        List<String> wrong = new ArrayList<>();
        for (String c : List.of("廉", "众", "学", "风")) {
            long expected = everything.stream().filter(h -> h.text().contains(c)).count();
            long found = TestArchive.allHits(app, c, null, null, null, null).size();
            if (found != expected) {
                wrong.add(c + ": " + found + " of " + expected);
            }
        }
        assertEquals(List.of(), wrong, "passages found / passages holding the character");
    }
}
