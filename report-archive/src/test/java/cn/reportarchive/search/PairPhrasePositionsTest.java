package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.Fields;
import cn.reportarchive.parse.AspectTaxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Why a run's phrase keeps all its overlapping pairs (issue 16 item 5 asked whether pairs tiled without
 * overlap would do): the index side gives a run's first pair the position after the previous run's last
 * pair, with no gap at a run break, so two pairs two positions apart may stand on either side of a comma.
 * 形式@0 主义@2 then matches 形式多，主义, which does not hold 形式主义; the pair 式主 at 1 is what rules
 * that out. Against a literal scan: the compiled query finds exactly the texts holding the run.
 */
class PairPhrasePositionsTest {
    private static final List<String> TEXTS = List.of(
            "反对形式主义现象", // holds the run
            "形式多，主义少", // 形式@0 式多@1 | 主义@2: tiled pairs line up across the comma
            "形式，多主义", // 形式@0 | 多主@1 主义@2
            "讲形式3主义", // 讲形@0 形式@1 | 3@2 | 主义@3: a number between
            "形式主", // the run cut short
            "形式、主义");

    @Test
    void aRunBreakLeavesNoGapInPositions() throws Exception {
        // pair, position
        assertEquals(List.of("形式@0", "形@0", "式多@1", "多@1", "主义@2", "主@2", "义少@3", "少@3"),
                positions("形式多，主义少"));
    }

    @Test
    void tiledPairsWouldMatchAcrossARunBreak() throws Exception {
        PhraseQuery tiled = new PhraseQuery.Builder().add(new Term(Fields.TEXT_GRAMS, "形式"), 0)
                .add(new Term(Fields.TEXT_GRAMS, "主义"), 2).build();
        assertEquals(new TreeSet<>(List.of("反对形式主义现象", "形式多，主义少", "形式，多主义", "讲形式3主义")), matches(tiled));
    }

    @Test
    void theCompiledRunFindsExactlyTheTextsHoldingIt() throws Exception {
        for (String run : List.of("形式主义", "形式主", "式主义", "主义", "形式多")) {
            Query q = new QueryCompiler(AspectTaxonomy.defaults(), RelatedWords.none(), u -> u)
                    .compile(QueryLanguage.parse(run), Ranking.DEFAULT, false).query();
            TreeSet<String> holding = new TreeSet<>(TEXTS.stream().filter(t -> t.contains(run)).toList());
            assertEquals(holding, matches(q), run);
        }
    }

    private static List<String> positions(String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = Analyzers.characterPairs().tokenStream(Fields.TEXT_GRAMS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                out.add(term + "@" + position);
            }
            ts.end();
        }
        return out;
    }

    private static TreeSet<String> matches(Query query) throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.passages()))) {
                for (String text : TEXTS) {
                    Document d = new Document();
                    d.add(new TextField(Fields.TEXT_GRAMS, text, Field.Store.NO));
                    d.add(new StoredField(Fields.TEXT, text));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                TreeSet<String> out = new TreeSet<>();
                for (ScoreDoc sd : searcher.search(query, 100).scoreDocs) {
                    out.add(searcher.storedFields().document(sd.doc).get(Fields.TEXT));
                }
                return out;
            }
        }
    }
}
