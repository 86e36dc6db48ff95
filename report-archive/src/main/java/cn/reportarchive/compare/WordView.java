package cn.reportarchive.compare;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A point as a reader takes it in: its content words, each with its synonym classes. Words come
 * from HanLP's segmenter with part-of-speech tags, so function words (的, 对, 是, 一些, 了) are
 * dropped by tag rather than by a hand-kept list, and a word's classes from 同义词词林, so that
 * 过度 meets 过于 and 担心 meets 顾虑. Order is ignored: a point whose clauses were turned round says
 * the same. The segmenter's dictionaries load once, on first use, inside HanLP; the view itself is
 * immutable and safe to share between threads.
 */
public final class WordView {
    private final SynonymClasses synonyms;
    private final Segment segment;

    public WordView(SynonymClasses synonyms) {
        this.synonyms = synonyms;
        // names, places and organisations are not what two points are compared on, and guessing
        // them splits ordinary words (一是 read as a surname and given name)
        this.segment = HanLP.newSegment().enableNameRecognize(false).enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false);
    }

    /** One content word of a point: the word and its synonym classes (sorted, maybe none). */
    public record Word(String text, int[] classes) {
    }

    /** The distinct content words of a text, in order of first appearance. */
    public List<Word> words(String text) {
        Map<String, Word> out = new LinkedHashMap<>();
        for (Term t : segment.seg(cn.reportarchive.parse.ItemMarkers.strip(text))) {
            String w = t.word.strip();
            if (!w.isEmpty() && isContent(t.nature == null ? "" : t.nature.toString(), w) && !out.containsKey(w)) {
                out.put(w, new Word(w, synonyms.of(w)));
            }
        }
        return new ArrayList<>(out.values());
    }

    public SynonymClasses synonyms() {
        return synonyms;
    }

    /**
     * Nouns, verbs, adjectives, idioms and set phrases carry the substance; adverbs only when they
     * are words of their own (过于, 反复; not 不 or 也). Numbers, measure words, pronouns,
     * prepositions, conjunctions, particles, 是 and 有 say nothing about which problem it is.
     */
    static boolean isContent(String nature, String word) {
        if (nature.isEmpty() || !Character.isLetter(word.charAt(0))) {
            return false;
        }
        if (nature.equals("vshi") || nature.equals("vyou") || nature.equals("vf") || nature.equals("vl")) {
            return false;
        }
        return switch (nature.charAt(0)) {
            case 'n', 'v', 'a', 'i', 'l', 'b', 'z', 'g' -> true;
            case 'd' -> word.length() >= 2;
            default -> false;
        };
    }
}
