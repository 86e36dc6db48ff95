package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.SharedSamples;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recall as good as grep: random runs of 2 to 12 characters cut from the indexed passages, typed
 * bare and in quotes, each must find the passage it was cut from; and as many again cut from the
 * titles and headings, each of which must find that title or heading. Zero misses.
 */
@Tag("integration")
@ExtendWith(SharedSamples.Resolver.class)
class RandomSubstringTest {
    private static final int SAMPLES = 400;
    /** Runs cut from titles and block and section headings, beside those from the running text. */
    private static final int HEADING_SAMPLES = 200;
    private static final long SEED = 20261128L;

    private static SharedSamples archive;
    private static List<String[]> passages;
    private static List<String[]> headings;

    @BeforeAll
    static void setUp(SharedSamples samples) throws Exception {
        archive = samples;
        passages = new ArrayList<>();
        headings = new ArrayList<>();
        for (StoredReport stored : archive.app().archive().list(null, null)) {
            for (Passages.Piece piece : Passages.searchable(stored.report())) {
                Passage p = piece.passage();
                (piece.kind() == Passages.Kind.TEXT ? passages : headings).add(
                        new String[] {stored.report().id(), p.ref().toString(), p.text(), piece.kind().key()});
            }
        }
        assertTrue(headings.stream().anyMatch(h -> h[3].equals("title")));
    }

    @Test
    void everyRandomRunFindsItsPassage() throws Exception {
        assertEquals(List.of(), misses(passages, SAMPLES, SEED), "runs that did not find their passage");
    }

    @Test
    void everyRandomRunOfATitleOrHeadingFindsThatTitleOrHeading() throws Exception {
        assertEquals(List.of(), misses(headings, HEADING_SAMPLES, SEED + 1), "runs that did not find their heading");
    }

    private static List<String> misses(List<String[]> from, int samples, long seed) throws Exception {
        Random random = new Random(seed);
        List<String> misses = new ArrayList<>();
        int tried = 0;
        while (tried < samples) {
            String[] p = from.get(random.nextInt(from.size()));
            String text = p[2];
            int length = 2 + random.nextInt(11);
            if (text.length() < length) {
                continue;
            }
            int start = random.nextInt(text.length() - length + 1);
            String run = text.substring(start, start + length);
            if (!sensible(text, start, start + length)) {
                continue;
            }
            tried++;
            for (String query : List.of("\"" + run + "\"", run)) {
                if (query.equals(run) && !typeableBare(run)) {
                    continue;
                }
                if (!finds(query, p[0], p[1], p[3])) {
                    misses.add(query + " → " + p[0] + " " + p[1] + " " + p[3]);
                }
            }
        }
        assertTrue(tried == samples);
        return misses;
    }

    /** At least two Han characters, and no number or Latin word cut in the middle. */
    private static boolean sensible(String text, int start, int end) {
        String run = text.substring(start, end);
        long han = run.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return han >= 2 && !cutsWord(text, start) && !cutsWord(text, end) && !run.contains("\"");
    }

    private static boolean cutsWord(String text, int at) {
        return at > 0 && at < text.length() && isWordChar(text.charAt(at - 1)) && isWordChar(text.charAt(at));
    }

    private static boolean isWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '%';
    }

    /** Typed bare, a run must not carry the query language's own syntax. */
    private static boolean typeableBare(String run) {
        return run.chars().noneMatch(c -> c == '(' || c == ')') && !run.startsWith("-")
                && !run.matches(".*\\b(OR|AND|NOT)\\b.*") && !run.matches(".*\\b[A-Za-z]+:.*");
    }

    private static boolean finds(String query, String reportId, String ref, String passage) throws Exception {
        for (int page = 1; page <= 20; page++) {
            SearchResult r = archive.app().search().search(
                    new SearchRequest(query, null, null, null, null, page, SearchRequest.MAX_SIZE).withPerReport(0));
            if (r.hits().stream().anyMatch(h -> h.reportId().equals(reportId) && h.ref().equals(ref)
                    && h.passage().equals(passage))) {
                return true;
            }
            if (r.hits().size() < SearchRequest.MAX_SIZE) {
                return false;
            }
        }
        return false;
    }
}
