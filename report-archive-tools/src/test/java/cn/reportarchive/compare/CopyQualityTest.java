package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.generate.FormatMix;
import cn.reportarchive.generate.GeneratorOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy detection against the generator's planted copies: materials taken from another unit's report
 * of the same year with the unit's name and line of work swapped and words and phrase order changed
 * here and there. Every other pair of reports of different authors is a negative; most of them share
 * the genre's stock phrases and, within a city, the same notice's wording. Figures go to
 * target/copy-quality.txt.
 */
@Tag("integration")
class CopyQualityTest {
    @TempDir
    static Path tmp;
    static GeneratedCorpus corpus;
    static CopyIndex index;
    static List<CopyIndex.Prints> prints;

    @BeforeAll
    static void generate() throws Exception {
        corpus = new GeneratedCorpus(tmp, GeneratorOptions.of(tmp, 600, 20261129L)
                .withFormats(FormatMix.parse("txt=80,docx=20")).withYears(2020, 2024).withCopyRate(0.06));
        prints = new ArrayList<>();
        corpus.reports.values().forEach(r -> prints.add(CopyIndex.prints(CopyService.asDoc(r))));
        index = CopyIndex.of(prints);
    }

    @Test
    void plantedCopiesAreListedAndNothingElse() throws Exception {
        Set<String> planted = new HashSet<>();
        java.util.Map<String, String> material = new java.util.HashMap<>();
        for (JsonNode c : corpus.truth("copy")) {
            planted.add(pairKey(c.get("b").get("file").asText(), c.get("a").get("file").asText()));
            join(material, c.get("a").get("file").asText(), c.get("b").get("file").asText());
        }
        // two copies of one source share that source's text: a true pair too, though not planted as one
        java.util.function.Predicate<CopyIndex.PairRow> sameMaterial = p -> {
            String a = root(material, p.copy());
            return a != null && a.equals(root(material, p.source()));
        };
        StringBuilder out = new StringBuilder();
        List<CopyIndex.PairRow> all = index.allPairs(prints, 0.05);
        for (double t = 0.1; t < 0.61; t += 0.05) {
            final double threshold = t;
            List<CopyIndex.PairRow> listed = all.stream().filter(p -> p.share() >= threshold).toList();
            long right = listed.stream().filter(sameMaterial).count();
            long tp = listed.stream().filter(p -> planted.contains(pairKey(p.copy(), p.source()))).count();
            out.append(String.format("  at %.2f: listed %d, planted %d, precision %.3f recall %.3f%n", t, listed.size(),
                    planted.size(), right / (double) Math.max(1, listed.size()), tp / (double) Math.max(1, planted.size())));
        }
        List<CopyIndex.PairRow> listed = index.allPairs(prints, CopyService.COPY_THRESHOLD);
        Set<String> found = new HashSet<>();
        listed.forEach(p -> found.add(pairKey(p.copy(), p.source())));
        long tp = found.stream().filter(planted::contains).count();
        long right = listed.stream().filter(sameMaterial).count();
        double precision = right / (double) Math.max(1, listed.size());
        double recall = tp / (double) Math.max(1, planted.size());
        out.insert(0, String.format("copies: planted %d, listed %d, planted found %d, listed of one material %d, "
                + "precision %.3f, recall %.3f (threshold %.2f)%n", planted.size(), found.size(), tp, right, precision, recall,
                CopyService.COPY_THRESHOLD));
        for (CopyIndex.PairRow p : listed) {
            if (!sameMaterial.test(p)) {
                out.append("FALSE ").append(p).append('\n');
            }
        }
        for (String p : planted) {
            if (!found.contains(p)) {
                out.append("MISS ").append(p).append(' ').append(all.stream()
                        .filter(x -> p.contains(x.copy()) && p.contains(x.source())).toList()).append('\n');
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/copy-quality.txt"), out, StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(planted.size() >= 20, "enough planted copies to measure: " + planted.size());
        assertTrue(precision >= 0.95, "precision " + precision);
        assertTrue(recall >= 0.95, "recall " + recall);
    }

    /** Within one year the text cannot tell who copied whom: a pair is judged without its direction. */
    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + " ~ " + b : b + " ~ " + a;
    }

    private static void join(java.util.Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        parent.put(root(parent, a), root(parent, b));
    }

    private static String root(java.util.Map<String, String> parent, String x) {
        String r = parent.get(x);
        while (r != null && !r.equals(parent.get(r))) {
            r = parent.get(r);
        }
        return r;
    }

    @Test
    void theCheckOfACopyNamesItsSourceFirst() {
        java.util.Map<String, String> material = new java.util.HashMap<>();
        corpus.truth("copy").forEach(c -> join(material, c.get("a").get("file").asText(), c.get("b").get("file").asText()));
        int checked = 0;
        for (JsonNode c : corpus.truth("copy")) {
            CopyDoc doc = CopyService.asDoc(corpus.reports.get(c.get("b").get("file").asText()));
            CopyCheck check = index.check(doc, CopyIndex.prints(doc).entries(), id -> CopyService.asDoc(corpus.reports.get(id)), 5);
            String first = check.sources().get(0).reportId();
            assertEquals(root(material, c.get("a").get("file").asText()), root(material, first),
                    check.reportId() + ": its source or another copy of it comes first, not " + first);
            assertTrue(check.share() >= check.sources().get(0).share());
            assertTrue(check.sources().get(0).passages().stream().anyMatch(p -> !p.shared().isEmpty()));
            checked++;
        }
        assertTrue(checked >= 20);
    }
}
