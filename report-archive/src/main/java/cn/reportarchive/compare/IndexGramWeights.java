package cn.reportarchive.compare;

import cn.reportarchive.index.Fields;
import cn.reportarchive.index.UnitScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Pair weights read from the search index: how many passages of the archive hold each pair of Han
 * characters (the index's character-pair view counts them already). A pair with a digit or a letter
 * is not in that view; it gets a middling weight, since 2次 or 5G says little about sameness.
 * Lookups are cached, and made through one terms enumeration per segment, reused (a fresh one per
 * lookup cost more than the comparison itself); valid while the reader it was made for is open.
 */
final class IndexGramWeights implements GramWeights {
    private static final double NOT_HAN = 1.0;
    private final IndexReader reader;
    private final long passages;
    private final Map<Integer, Double> cache = new ConcurrentHashMap<>();
    private final List<TermsEnum> segments = new ArrayList<>();
    /** Counted over these units' passages only, or null for the whole index. */
    private final UnitScope scope;

    IndexGramWeights(IndexReader reader) throws IOException {
        this(reader, null);
    }

    /** Weights of a unit-limited caller: from its units' passages, so they do not move with other units'. */
    IndexGramWeights(IndexReader reader, UnitScope scope) throws IOException {
        this.reader = reader;
        this.scope = scope;
        this.passages = Math.max(1, scope == null ? reader.numDocs() : scope.size());
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(Fields.TEXT_GRAMS);
            if (terms != null) {
                segments.add(terms.iterator());
            }
        }
    }

    boolean isFor(IndexReader other) {
        return reader == other;
    }

    @Override
    public double weight(int gram) {
        Double w = cache.get(gram);
        return w != null ? w : lookUp(gram);
    }

    private synchronized double lookUp(int gram) {
        String pair = TextKey.gramText(gram);
        double w = NOT_HAN;
        if (isHan(pair.charAt(0)) && isHan(pair.charAt(1))) {
            BytesRef term = new BytesRef(pair);
            long df = 0;
            try {
                if (scope != null) {
                    df = scope.frequencies(reader, new org.apache.lucene.index.Term(Fields.TEXT_GRAMS, term))[0];
                }
                for (TermsEnum segment : scope != null ? List.<TermsEnum>of() : segments) {
                    if (segment.seekExact(term)) {
                        df += segment.docFreq();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            w = GramWeights.idf(df, passages);
        }
        cache.put(gram, w);
        return w;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
