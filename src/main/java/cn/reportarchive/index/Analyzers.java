package cn.reportarchive.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/** The analysis chain of passage text: smartcn word segmentation; its stop set is punctuation. */
public final class Analyzers {
    private Analyzers() {
    }

    public static Analyzer passageText() {
        return new SmartChineseAnalyzer(true);
    }
}
