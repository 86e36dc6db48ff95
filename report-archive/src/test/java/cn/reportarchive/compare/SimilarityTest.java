package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guarantee stated at the top of {@link Similarity}, the synonyms it shows, and inline measures. */
class SimilarityTest {
    static final String EARLIER = "一是带头斗争意识不强，不敢大胆拍板，有时该决策的不决策，过度谨慎，工作节奏慢了下来。";
    static final String LATER = "1.遇事不敢拍板、决策过于谨慎，担心出问题而反复开会研究，导致工作推进节奏放缓。";
    static final String OTHER = "2.落实意识形态工作责任制不到位，对网络舆情研判不及时。";
    static Similarity sim;

    @BeforeAll
    static void load() {
        sim = new Similarity(GramWeights.uniform(), new WordView(SynonymClasses.load()));
    }

    @Test
    void symmetricBoundedAndOneForItself() {
        Similarity.Prepared a = sim.prepare(EARLIER);
        Similarity.Prepared b = sim.prepare(LATER);
        assertEquals(sim.of(a, b), sim.of(b, a), 1e-12);
        assertEquals(1.0, sim.of(a, sim.prepare(EARLIER)), 1e-9);
        assertTrue(sim.of(a, b) > sim.of(a, sim.prepare(OTHER)), "a restatement is nearer than another problem");
        assertEquals(0, sim.of(sim.prepare("。"), a));
    }

    @Test
    void wordsAndSynonymsRaiseARewordedPointAboveItsPairScore() {
        Similarity.Prepared a = sim.prepare(EARLIER);
        Similarity.Prepared b = sim.prepare(LATER);
        assertTrue(sim.of(a, b) > sim.pairs(a, b));
        List<String> matched = sim.matched(a, b);
        assertTrue(matched.contains("过度/过于"), matched.toString());
        assertTrue(matched.contains("拍板"), matched.toString());
    }

    @Test
    void synonymClassesComeFromTheDictionaryInTheJar() {
        SynonymClasses s = SynonymClasses.load();
        assertTrue(s.words() > 40_000, "words " + s.words()); // 41,025 words of two or more characters in = classes
        int[] a = s.of("担心");
        int[] b = s.of("顾虑");
        assertTrue(java.util.Arrays.stream(a).anyMatch(x -> java.util.Arrays.binarySearch(b, x) >= 0));
        assertEquals(0, s.of("碎").length, "one-character words are left out");
    }

    @Test
    void inlineMeasuresSplitIntoTheirParts() {
        assertEquals(List.of("严格执行议事规则", "做好会前个别沟通，不成熟的议题不上会"),
                InlineParts.of("一是要严格执行议事规则；二是要做好会前个别沟通，不成熟的议题不上会。"));
        assertEquals(List.of("一是加强学习。"), InlineParts.of("一是加强学习。"));
    }
}
