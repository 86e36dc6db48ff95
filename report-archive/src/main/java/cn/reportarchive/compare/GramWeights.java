package cn.reportarchive.compare;

import java.util.Map;

/**
 * How much sharing a character pair says: a pair every report uses (二十, 思想, 发展) says little,
 * a rare one (预算 一体化 in a finance bureau's point) says much. Weights are inverse document
 * frequencies over the archive's passages, floored so that stock words still count a little.
 */
@FunctionalInterface
public interface GramWeights {
    double weight(int gram);

    /** Every pair alike: plain character-pair overlap. */
    static GramWeights uniform() {
        return gram -> 1.0;
    }

    /** From document frequencies of pairs over {@code documents} passages. */
    static GramWeights fromFrequencies(Map<Integer, Integer> documentFrequency, long documents) {
        return gram -> idf(documentFrequency.getOrDefault(gram, 0), documents);
    }

    static double idf(long documentFrequency, long documents) {
        return Math.max(0.1, Math.log((documents + 1.0) / (documentFrequency + 0.5)));
    }
}
