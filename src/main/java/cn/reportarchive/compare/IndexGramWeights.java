package cn.reportarchive.compare;

import cn.reportarchive.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Pair weights read from the search index: how many passages of the archive hold each pair of Han
 * characters (the index's character-pair view counts them already). A pair with a digit or a letter
 * is not in that view; it gets a middling weight, since 2次 or 5G says little about sameness.
 * Meant for one task at a time, over the reader it was given (lookups are cached, from any thread).
 */
final class IndexGramWeights implements GramWeights {
    private static final double NOT_HAN = 1.0;
    private final IndexReader reader;
    private final long passages;
    private final Map<Integer, Double> cache = new ConcurrentHashMap<>();

    IndexGramWeights(IndexReader reader) {
        this.reader = reader;
        this.passages = Math.max(1, reader.numDocs());
    }

    @Override
    public double weight(int gram) {
        return cache.computeIfAbsent(gram, this::lookUp);
    }

    private double lookUp(int gram) {
        String pair = TextKey.gramText(gram);
        if (!isHan(pair.charAt(0)) || !isHan(pair.charAt(1))) {
            return NOT_HAN;
        }
        try {
            return GramWeights.idf(reader.docFreq(new Term(Fields.TEXT_GRAMS, pair)), passages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
