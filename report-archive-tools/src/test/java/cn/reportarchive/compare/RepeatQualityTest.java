package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.generate.FormatMix;
import cn.reportarchive.generate.GeneratorOptions;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeat detection and the follow-up of measures against the generator's planted truth: every pair
 * of consecutive years of every author, with repeats verbatim, edited (words swapped, clauses
 * dropped or reordered) and moved to another aspect, and every other pair of points as a negative
 * that shares at most the genre's vocabulary. Figures go to target/compare-quality.txt.
 */
@Tag("integration")
class RepeatQualityTest {
    @TempDir
    static Path tmp;
    static GeneratedCorpus corpus;

    @BeforeAll
    static void generate() throws Exception {
        corpus = new GeneratedCorpus(tmp, GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
    }

    @Test
    void repeatsAndMeasuresMatchThePlantedTruth() throws Exception {
        YearCompare compare = new YearCompare(new Similarity(corpus.weights, new WordView(SynonymClasses.load())), AspectTaxonomy.defaults());
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, int[]> byHow = new TreeMap<>();
        Map<String, Integer> confusion = new TreeMap<>();
        int measures = 0;
        int measuresRight = 0;
        StringBuilder misses = new StringBuilder();
        java.util.List<double[]> curve = new java.util.ArrayList<>();
        for (JsonNode c : corpus.truth("compare")) {
            Report from = corpus.reports.get(c.get("from").get("file").asText());
            Report to = corpus.reports.get(c.get("to").get("file").asText());
            Comparison result = compare.compare(from, to);
            for (Comparison.Repeat r : result.closest()) {
                String key = r.from().ref() + ">" + r.to().ref();
                boolean plantedPair = false;
                for (JsonNode pr : c.get("repeats")) {
                    plantedPair |= key.equals(pr.get("from").asText() + ">" + pr.get("to").asText());
                }
                curve.add(new double[] {r.similarity(), plantedPair ? 1 : 0});
            }
            Set<String> found = new HashSet<>();
            result.repeats().forEach(r -> found.add(r.from().ref() + ">" + r.to().ref()));
            Set<String> planted = new HashSet<>();
            for (JsonNode r : c.get("repeats")) {
                String key = r.get("from").asText() + ">" + r.get("to").asText();
                planted.add(key);
                int[] h = byHow.computeIfAbsent(r.get("how").asText(), k -> new int[2]);
                h[1]++;
                if (found.contains(key)) {
                    h[0]++;
                } else {
                    misses.append("MISS ").append(c.get("to").get("file").asText()).append(' ').append(key)
                            .append(' ').append(r.get("how").asText()).append(' ').append(r.path("edits")).append('\n');
                }
            }
            for (String f : found) {
                if (planted.contains(f)) {
                    tp++;
                } else {
                    fp++;
                    misses.append("FALSE ").append(c.get("to").get("file").asText()).append(' ').append(f).append('\n');
                    result.repeats().stream().filter(r -> f.equals(r.from().ref() + ">" + r.to().ref())).forEach(r ->
                            misses.append("   ").append(r.similarity()).append(" | ").append(r.from().text()).append("\n   | ").append(r.to().text()).append('\n'));
                }
            }
            fn += (int) planted.stream().filter(p -> !found.contains(p)).count();
            Map<String, String> statusByRef = new TreeMap<>();
            result.measures().forEach(m -> statusByRef.put(m.measure().ref(), m.status().key()));
            for (JsonNode m : c.get("measures")) {
                measures++;
                String expected = m.get("status").asText();
                String got = statusByRef.getOrDefault(m.get("ref").asText(), "missing");
                confusion.merge(expected + "->" + got, 1, Integer::sum);
                if (expected.equals(got)) {
                    measuresRight++;
                } else if (misses.length() < 200_000) {
                    Comparison.MeasureFollowUp f = result.measures().stream()
                            .filter(x -> x.measure().ref().equals(m.get("ref").asText())).findFirst().orElse(null);
                    misses.append("MEASURE ").append(expected).append("->").append(got).append(' ')
                            .append(c.get("to").get("file").asText()).append(' ').append(m).append("\n   ")
                            .append(f).append('\n');
                    String ev = m.path("evidence").asText();
                    ReportPoints.of(to, cn.reportarchive.parse.SectionType.RECTIFICATION).stream()
                            .filter(x -> x.ref().equals(ev)).forEach(x -> misses.append("   ACCOUNT ").append(x.text()).append('\n'));
                }
            }
        }
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        StringBuilder out = new StringBuilder();
        out.append(String.format("repeats: planted %d, found %d, true %d, precision %.3f, recall %.3f (threshold %.2f)%n",
                tp + fn, tp + fp, tp, precision, recall, YearCompare.REPEAT_THRESHOLD));
        byHow.forEach((how, h) -> out.append(String.format("  %s: %d of %d%n", how, h[0], h[1])));
        out.append(String.format("measures: %d, status right %d (%.3f)%n", measures, measuresRight,
                measuresRight / (double) Math.max(1, measures)));
        confusion.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        for (double t = 0.40; t < 0.86; t += 0.05) {
            int tpt = 0;
            int fpt = 0;
            for (double[] c : curve) {
                if (c[0] >= t) {
                    if (c[1] > 0) {
                        tpt++;
                    } else {
                        fpt++;
                    }
                }
            }
            out.append(String.format("  at %.2f: precision %.3f recall %.3f%n", t, tpt / (double) Math.max(1, tpt + fpt),
                    tpt / (double) Math.max(1, tp + fn)));
        }
        out.append(misses);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/compare-quality.txt"), out, StandardCharsets.UTF_8);
        System.out.println(out.substring(0, Math.min(out.length(), 3000)));
        assertTrue(precision >= 0.95, "precision " + precision);
        assertTrue(recall >= 0.95, "recall " + recall);
        assertTrue(measuresRight >= 0.93 * measures, "measure status right " + measuresRight + " of " + measures);
    }
}
