package cn.reportarchive.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two views of passage text: smartcn words (ranking by whole words) and overlapping
 * character pairs (a run of characters that stands in the text is found whatever smartcn
 * made of it: 上访 in 上访户).
 */
public final class Analyzers {
    private Analyzers() {
    }

    /** Field-aware analyzer for writing passages. */
    public static Analyzer passages() {
        return new PerFieldAnalyzerWrapper(words(), Map.of(Fields.TEXT_GRAMS, characterPairs()));
    }

    /** smartcn segmentation; its stop set is punctuation. */
    public static Analyzer words() {
        return new SmartChineseAnalyzer(true);
    }

    /**
     * Index side of the pair view: full-width folded, lower-cased, Han runs as overlapping pairs
     * plus the single characters that open and close each run ({@link HanRunGramFilter}).
     */
    public static Analyzer characterPairs() {
        return pairs(true);
    }

    /** Query side of the pair view: pairs, and a single character only for a run of one. */
    public static Analyzer characterPairsQuery() {
        return pairs(false);
    }

    private static Analyzer pairs(boolean indexSide) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new NumberPartsFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = indexSide ? new HanRunGramFilter(stream) : new CJKBigramFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
