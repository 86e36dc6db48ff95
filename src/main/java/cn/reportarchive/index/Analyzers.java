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

    /** Field-aware analyzer for writing and querying passages. */
    public static Analyzer passages() {
        return new PerFieldAnalyzerWrapper(words(), Map.of(Fields.TEXT_GRAMS, characterPairs()));
    }

    /** smartcn segmentation; its stop set is punctuation. */
    public static Analyzer words() {
        return new SmartChineseAnalyzer(true);
    }

    /** Full-width folded, lower-cased, Han characters paired with their neighbours. */
    public static Analyzer characterPairs() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
