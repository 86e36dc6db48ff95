package cn.reportarchive.generate;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.parse.SectionType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated text varies enough that search and similarity figures mean something: points are
 * almost never written twice unless planted, two unrelated points on the same aspect share little
 * beyond the genre's stock words, and a planted restatement stays close to what it restates.
 * Similarity here is the Jaccard index of the sets of character pairs (Han only), the simplest
 * measure a compare feature would start from.
 */
@Tag("integration")
class VarietyTest {
    @TempDir
    static Path tmp;
    static GeneratedArchive archive;
    static final List<GenItem> fresh = new ArrayList<>();
    static final Map<GenItem, String> trackOf = new HashMap<>();
    static final List<GenItem> planted = new ArrayList<>();
    static int totalProblems;

    @BeforeAll
    static void generate() throws Exception {
        archive = GeneratedArchive.generate(tmp, GeneratorOptions.of(tmp, 800, 99).withFormats(FormatMix.parse("txt=1"))
                .withYears(2015, 2025));
        for (GenReport r : archive.plans.values()) {
            for (GenItem p : r.items(SectionType.PROBLEMS)) {
                totalProblems++;
                if (p.origin() != null) {
                    planted.add(p);
                } else if (r.copyOf() == null) {
                    fresh.add(p);
                    trackOf.put(p, r.track().id());
                }
            }
        }
    }

    static Set<String> pairs(String s) {
        String han = s.replaceAll("[^\\p{IsHan}]", "");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < han.length(); i++) {
            out.add(han.substring(i, i + 2));
        }
        return out;
    }

    static double similarity(String a, String b) {
        Set<String> x = pairs(a);
        Set<String> y = pairs(b);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        int union = x.size() + y.size() - both.size();
        return union == 0 ? 0 : (double) both.size() / union;
    }

    /**
     * Of the ~10,000 points of 800 reports not planted as repeats or copies, at least 96% are
     * distinct word for word (measured: 97.7%). A template with a counter would give a handful of
     * distinct points; a few percent of chance coincidences among ten thousand points of a stock
     * genre are what real archives have too (and grow with the archive's size: the phrase banks
     * combine into millions of points per aspect, not billions). Measures, more formulaic in real
     * reports too (严格执行中央八项规定精神 is promised everywhere), at least 92% (measured: 94%).
     */
    @Test
    void pointsAreAlmostNeverWrittenTwiceByChance() {
        Set<String> distinct = new HashSet<>();
        for (GenItem p : fresh) {
            distinct.add(p.body());
        }
        double ratio = (double) distinct.size() / fresh.size();
        System.out.printf("problems %d, fresh %d, distinct %.4f, planted %d%n", totalProblems, fresh.size(), ratio,
                planted.size());
        assertTrue(fresh.size() > 5000, "points: " + fresh.size());
        assertTrue(ratio >= 0.96, "distinct share " + ratio);
        Set<String> measures = new HashSet<>();
        int m = 0;
        for (GenReport r : archive.plans.values()) {
            for (GenItem i : r.items(SectionType.MEASURES)) {
                if (i.origin() == null && r.copyOf() == null) {
                    m++;
                    measures.add(i.body());
                }
            }
        }
        System.out.printf("measures %d, distinct %.4f%n", m, (double) measures.size() / m);
        assertTrue((double) measures.size() / m >= 0.92, "distinct measures " + measures.size() + "/" + m);
    }

    /**
     * Two unrelated points on the same aspect (different authors) share on average under a fifth
     * of their character pairs (measured: 0.065), and fewer than 2% of such pairs reach 0.5
     * (measured: 0.5%), the level nearly all planted restatements reach (see below): a similarity
     * threshold can separate the two, as the compare feature must.
     */
    @Test
    void unrelatedPointsShareLittle() {
        Map<String, List<GenItem>> byAspect = new HashMap<>();
        for (GenItem p : fresh) {
            if (p.aspect() != null) {
                byAspect.computeIfAbsent(p.aspect(), k -> new ArrayList<>()).add(p);
            }
        }
        Rng r = new Rng(7);
        double sum = 0;
        int n = 0;
        int high = 0;
        List<String> aspects = new ArrayList<>(byAspect.keySet());
        java.util.Collections.sort(aspects);
        for (int k = 0; k < 6000; k++) {
            List<GenItem> list = byAspect.get(r.pick(aspects));
            GenItem a = r.pick(list);
            GenItem b = r.pick(list);
            if (trackOf.get(a).equals(trackOf.get(b))) {
                continue;
            }
            double s = similarity(a.body(), b.body());
            sum += s;
            n++;
            if (s >= 0.5) {
                high++;
            }
        }
        System.out.printf("unrelated pairs %d, mean %.3f, >=0.5 %.4f%n", n, sum / n, (double) high / n);
        assertTrue(sum / n < 0.2, "mean similarity " + sum / n);
        assertTrue((double) high / n < 0.02, "share of unrelated pairs at 0.5 or more: " + (double) high / n);
    }

    /**
     * Planted restatements stay recognisable: at least 90% share half or more of their character
     * pairs with the original (measured: 95%; the rest are short points that lost a clause), and
     * more than a third of them are edited or moved rather than verbatim.
     */
    @Test
    void plantedRepeatsStayClose() {
        int close = 0;
        int edited = 0;
        for (GenItem p : planted) {
            double s = similarity(p.body(), p.origin().body());
            if (!"verbatim".equals(p.how())) {
                edited++;
            }
            if (s >= 0.5) {
                close++;
            }
        }
        System.out.printf("planted %d (edited or moved %d), close %.3f%n", planted.size(), edited,
                (double) close / planted.size());
        assertTrue(planted.size() > 300, "planted: " + planted.size());
        assertTrue(edited > planted.size() / 3, "edited: " + edited);
        assertTrue(close >= 0.9 * planted.size(), close + " of " + planted.size());
    }

    /** The archive uses a large vocabulary: many thousands of distinct character pairs. */
    @Test
    void vocabularyIsLarge() {
        Set<String> all = new HashSet<>();
        for (GenItem p : fresh) {
            all.addAll(pairs(p.body()));
        }
        System.out.println("distinct character pairs in problems: " + all.size());
        assertTrue(all.size() > 4000, "pairs: " + all.size());
    }
}
