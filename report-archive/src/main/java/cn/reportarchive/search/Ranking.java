package cn.reportarchive.search;

/**
 * The ranking signals, each of which can be switched off to measure what it is worth
 * (the relevance test does). Production uses {@link #DEFAULT}.
 *
 * @param wholeWords     a match of smartcn's whole words scores above the same characters split across words
 * @param rarity         rare runs weigh more than the genre's boilerplate (inverse document frequency)
 * @param exactRuns      a word must stand as a run of characters; off: its character pairs anywhere
 * @param relatedBelowLiteral passages found through a related word score below the literal match
 * @param coordination   under OR, a passage answering more of the alternatives scores higher
 */
public record Ranking(boolean wholeWords, boolean rarity, boolean exactRuns, boolean relatedBelowLiteral,
                      boolean coordination) {
    public static final Ranking DEFAULT = new Ranking(true, true, true, true, true);

    /** Boost of the smartcn whole-word phrase beside the character-pair match. */
    static final float WHOLE_WORD_BOOST = 0.5f;
    /** Weight of a related word's match against the literal word's. */
    static final float RELATED_WEIGHT = 0.3f;

    public Ranking withWholeWords(boolean on) {
        return new Ranking(on, rarity, exactRuns, relatedBelowLiteral, coordination);
    }

    public Ranking withRarity(boolean on) {
        return new Ranking(wholeWords, on, exactRuns, relatedBelowLiteral, coordination);
    }

    public Ranking withExactRuns(boolean on) {
        return new Ranking(wholeWords, rarity, on, relatedBelowLiteral, coordination);
    }

    public Ranking withRelatedBelowLiteral(boolean on) {
        return new Ranking(wholeWords, rarity, exactRuns, on, coordination);
    }

    public Ranking withCoordination(boolean on) {
        return new Ranking(wholeWords, rarity, exactRuns, relatedBelowLiteral, on);
    }
}
