package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.SharedSamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relevance test set (src/test/resources/relevance/judgments.json: queries over the sample
 * archive and the passages a reader expects) run against the search: recall@10 of every literal
 * query must be 1, and the MRR of the whole set is measured with every ranking signal and with
 * each one switched off. The table goes to target/relevance.txt and to the test output.
 */
@Tag("integration")
@ExtendWith(SharedSamples.Resolver.class)
class RelevanceTest {
    private static final int DEPTH = 50;

    private static SharedSamples archive;
    private static List<Judgment> judgments;

    /** {@code split}: dev (looked at while building) or holdout (written with the rest, never tuned on). */
    record Judgment(String query, String kind, Set<String> relevant, String split) {
    }

    record Scores(double mrr, double map, Map<String, Double> mrrByKind, double literalRecallAt10,
                  List<String> misses) {
    }

    @BeforeAll
    static void setUp(SharedSamples samples) throws Exception {
        archive = samples;
        JsonNode root;
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/judgments.json")) {
            root = new ObjectMapper().readTree(in);
        }
        judgments = new ArrayList<>();
        read(root, judgments);
        assertTrue(judgments.size() >= 40, "at least 40 judged queries");
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/kinds.json")) {
            kinds = new ArrayList<>();
            read(new ObjectMapper().readTree(in), kinds);
        }
    }

    /** The queries of each kind typed and pasted (headings, titles, names, keyboard forms, pasted sentences). */
    private static List<Judgment> kinds;

    private static void read(JsonNode root, List<Judgment> into) {
        for (JsonNode q : root) {
            Set<String> relevant = new HashSet<>();
            for (JsonNode r : q.get("relevant")) {
                String id = archive.idByFile().get(r.get("file").asText());
                assertTrue(id != null, "unknown file " + r.get("file"));
                relevant.add(id + " " + r.get("ref").asText() + " "
                        + (r.has("passage") ? r.get("passage").asText() : "text"));
            }
            into.add(new Judgment(q.get("query").asText(), q.get("kind").asText(), relevant,
                    q.has("split") ? q.get("split").asText() : "dev"));
        }
    }

    private static String key(SearchHit h) {
        return h.reportId() + " " + h.ref() + " " + h.passage();
    }

    /** MRR and recall@10 of one kind and split: relevant passages among the first ten, of at most ten. */
    record KindScore(int queries, double mrr, double recallAt10, List<String> misses) {
    }

    private static KindScore score(List<Judgment> set) throws Exception {
        double rrSum = 0;
        double recallSum = 0;
        List<String> misses = new ArrayList<>();
        for (Judgment j : set) {
            List<SearchHit> hits = archive.app().search().search(
                    new SearchRequest(j.query(), null, null, null, null, 1, DEPTH)).hits();
            double rr = 0;
            int top10 = 0;
            for (int i = 0; i < hits.size(); i++) {
                boolean relevant = j.relevant().contains(key(hits.get(i)));
                if (relevant && rr == 0) {
                    rr = 1.0 / (i + 1);
                }
                if (relevant && i < 10) {
                    top10++;
                }
            }
            double recall = (double) top10 / Math.min(10, j.relevant().size());
            rrSum += rr;
            recallSum += recall;
            if (rr < 1 || recall < 1) {
                misses.add(j.kind() + "/" + j.split() + " " + j.query() + ": rr=" + String.format(Locale.ROOT, "%.2f", rr)
                        + " recall@10=" + String.format(Locale.ROOT, "%.2f", recall));
            }
        }
        return new KindScore(set.size(), rrSum / set.size(), recallSum / set.size(), misses);
    }

    @Test
    void eachKindOfTypedAndPastedQueryIsMeasuredOnItsDevAndHeldOutParts() throws Exception {
        Map<String, KindScore> table = new LinkedHashMap<>();
        for (String kind : kinds.stream().map(Judgment::kind).distinct().toList()) {
            for (String split : List.of("dev", "holdout")) {
                List<Judgment> part = kinds.stream().filter(j -> j.kind().equals(kind) && j.split().equals(split)).toList();
                if (!part.isEmpty()) {
                    table.put(kind + " " + split, score(part));
                }
            }
        }
        KindScore dev = score(kinds.stream().filter(j -> j.split().equals("dev")).toList());
        KindScore holdout = score(kinds.stream().filter(j -> j.split().equals("holdout")).toList());
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%d judged queries of the kinds people type and paste, over sample-docs (kinds.json)%n%-20s %7s %6s %10s%n",
                kinds.size(), "kind / part", "queries", "MRR", "recall@10"));
        table.forEach((name, s) -> report.append(String.format(Locale.ROOT, "%-20s %7d %6.3f %10.3f%n", name,
                s.queries(), s.mrr(), s.recallAt10())));
        report.append(String.format(Locale.ROOT, "%-20s %7d %6.3f %10.3f%n", "all dev", dev.queries(), dev.mrr(), dev.recallAt10()));
        report.append(String.format(Locale.ROOT, "%-20s %7d %6.3f %10.3f%n", "all holdout", holdout.queries(), holdout.mrr(),
                holdout.recallAt10()));
        report.append("below 1:\n");
        table.values().forEach(s -> s.misses().forEach(m -> report.append("  ").append(m).append('\n')));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "relevance-kinds.txt"), report, StandardCharsets.UTF_8);

        // typed forms and names are exact: every relevant passage on the first page, the best one first
        for (String kind : List.of("heading", "title", "keyboard", "name")) {
            KindScore s = table.get(kind + " dev");
            assertTrue(s.recallAt10() >= 0.95 && s.mrr() >= 0.9, kind + ": " + s);
        }
        // a pasted sentence: its source point among the first hits
        assertTrue(table.get("pasted dev").mrr() >= 0.6, "pasted: " + table.get("pasted dev"));
        assertTrue(holdout.recallAt10() >= 0.7, "held-out part: " + holdout);
    }

    private static Scores run(Ranking ranking, UnaryOperator<SearchRequest> adjust) throws Exception {
        double sum = 0;
        double apSum = 0;
        Map<String, double[]> byKind = new LinkedHashMap<>();
        double recallSum = 0;
        int literals = 0;
        List<String> misses = new ArrayList<>();
        for (Judgment j : judgments) {
            SearchRequest request = adjust.apply(new SearchRequest(j.query(), null, null, null, null, 1, DEPTH));
            List<SearchHit> hits = archive.app().search().search(request, ranking).hits();
            double rr = 0;
            int foundInTop10 = 0;
            int found = 0;
            double precisionSum = 0;
            for (int i = 0; i < hits.size(); i++) {
                boolean relevant = j.relevant().contains(key(hits.get(i)));
                if (relevant && rr == 0) {
                    rr = 1.0 / (i + 1);
                }
                if (relevant) {
                    found++;
                    precisionSum += (double) found / (i + 1);
                }
                if (relevant && i < 10) {
                    foundInTop10++;
                }
            }
            sum += rr;
            apSum += precisionSum / j.relevant().size();
            byKind.computeIfAbsent(j.kind(), k -> new double[2]);
            byKind.get(j.kind())[0] += rr;
            byKind.get(j.kind())[1]++;
            if (j.kind().equals("literal")) {
                literals++;
                double recall = (double) foundInTop10 / Math.min(10, j.relevant().size());
                recallSum += recall;
                if (recall < 1) {
                    misses.add(j.query() + " recall@10=" + recall);
                }
            }
        }
        Map<String, Double> mrrByKind = new LinkedHashMap<>();
        byKind.forEach((k, v) -> mrrByKind.put(k, v[0] / v[1]));
        return new Scores(sum / judgments.size(), apSum / judgments.size(), mrrByKind, recallSum / literals, misses);
    }

    @Test
    void literalQueriesFindEveryPassageInTheFirstTenAndTheSignalsAreMeasured() throws Exception {
        Scores all = run(Ranking.DEFAULT, r -> r);
        Map<String, Scores> table = new LinkedHashMap<>();
        table.put("all signals", all);
        table.put("- whole words (smartcn)", run(Ranking.DEFAULT.withWholeWords(false), r -> r));
        table.put("- rarity (idf)", run(Ranking.DEFAULT.withRarity(false), r -> r));
        table.put("- exact runs (pairs anywhere)", run(Ranking.DEFAULT.withExactRuns(false), r -> r));
        table.put("- related below literal", run(Ranking.DEFAULT.withRelatedBelowLiteral(false), r -> r));
        table.put("- coordination (OR as max)", run(Ranking.DEFAULT.withCoordination(false), r -> r));
        table.put("- per-report spread", run(Ranking.DEFAULT, r -> r.withPerReport(0)));
        table.put("- related words", run(Ranking.DEFAULT, r -> r.withRelated(false)));
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%d judged queries over sample-docs; MRR and MAP over the first %d hits; MRR by kind of query%n"
                        + "%-32s %6s %6s %8s %6s %8s %9s %10s%n",
                judgments.size(), DEPTH, "ranking", "MRR", "MAP", "literal", "words", "related", "filtered", "recall@10"));
        table.forEach((name, s) -> report.append(String.format(Locale.ROOT,
                "%-32s %6.3f %6.3f %8.3f %6.3f %8.3f %9.3f %10.3f%n", name, s.mrr(), s.map(), s.mrrByKind().getOrDefault("literal", 0.0), s.mrrByKind().getOrDefault("words", 0.0),
                s.mrrByKind().getOrDefault("related", 0.0), s.mrrByKind().getOrDefault("filtered", 0.0),
                s.literalRecallAt10())));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "relevance.txt"), report, StandardCharsets.UTF_8);

        assertEquals(List.of(), all.misses(), "literal queries with every passage in the first ten");
        assertEquals(1.0, all.literalRecallAt10(), 1e-9);
        assertTrue(all.mrr() >= 0.85, "MRR fell to " + all.mrr());
    }
}
