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
 * Why a run's phrase is not its pairs tiled without overlap (issue 16 item 5 asked whether they would do):
 * the index side gives a run's first pair the position after the previous run's last pair, with no gap at
 * a run break, so two pairs two positions apart may stand on either side of a comma. 形式@0 主义@2 then
 * matches 形式多，主义, which does not hold 形式主义. Triples, indexed only inside a run, can be tiled so:
 * the compiled run of three or more is the phrase of its triples two positions apart, and against a
 * literal scan it finds exactly the texts holding the run, where the overlapping pairs also found
 * 形式，式主义. What is left: two triples line up across a break where the text repeats the character the
 * tiles share (形式主，主义化 for 形式主义化), as the pairs did.
 */
class PairPhrasePositionsTest {
    private static final List<String> TEXTS = List.of(
            "反对形式主义现象", // holds the run
            "形式多，主义少", // 形式@0 式多@1 | 主义@2: tiled pairs line up across the comma
            "形式，多主义", // 形式@0 | 多主@1 主义@2
            "讲形式3主义", // 讲形@0 形式@1 | 3@2 | 主义@3: a number between
            "形式主", // the run cut short
            "形式、主义",
            "形式，式主义", // overlapping pairs line up here: 形式@0 | 式主@1 主义@2
            "推进形式主义整治工作"); // a longer run holding it

    @Test
    void aRunBreakLeavesNoGapInPositions() throws Exception {
        // pair, position
        assertEquals(List.of("形式@0", "形@0", "形式多@0", "式多@1", "多@1", "主义@2", "主@2", "主义少@2", "义少@3", "少@3"),
                positions("形式多，主义少"));
    }

    @Test
    void pairsAlsoLineUpAcrossARunBreakWhereTheTextRepeatsACharacter() throws Exception {
        PhraseQuery pairs = new PhraseQuery.Builder().add(new Term(Fields.TEXT_GRAMS, "形式"), 0)
                .add(new Term(Fields.TEXT_GRAMS, "式主"), 1).add(new Term(Fields.TEXT_GRAMS, "主义"), 2).build();
        assertEquals(new TreeSet<>(List.of("反对形式主义现象", "形式，式主义", "推进形式主义整治工作")), matches(pairs));
    }

    @Test
    void aLongRunIsThePhraseOfItsTriplesTwoPositionsApart() {
        RunQueries runs = new RunQueries();
        // 7 pairs: triples at pairs 0, 2, 4 and 5 (the last tile overlaps the one before by two)
        assertEquals("text.cjk:\"形式主 ? 主义整 ? 整治工 治工作\"", runs.pairs("形式主义整治工作", true).toString());
        assertEquals("text.cjk:\"形式主 ? 主义整\"", runs.pairs("形式主义整", true).toString());
        assertEquals("text.cjk:\"形式主 式主义\"", runs.pairs("形式主义", true).toString());
        assertEquals("text.cjk:形式主", runs.pairs("形式主", true).toString());
        assertEquals("text.cjk:形式", runs.pairs("形式", true).toString());
        // a break in the typed text: each side tiled on its own, at the pairs' positions
        assertEquals("text.cjk:\"形式主 式主义 ? 现象\"", runs.pairs("形式主义，现象", true).toString());
    }

    @Test
    void triplesLineUpAcrossABreakWhereTheTextRepeatsTheSharedCharacter() throws Exception {
        // 形式主@0 式主@1 | 主义@2 主义化@2: the tiles 形式主@0 主义化@2 both stand, across the comma
        assertEquals(new TreeSet<>(List.of("形式主，主义化")), matchesIn(compile("形式主义化"), List.of("形式主，主义化", "形式主义")));
    }

    @Test
    void tiledPairsWouldMatchAcrossARunBreak() throws Exception {
        PhraseQuery tiled = new PhraseQuery.Builder().add(new Term(Fields.TEXT_GRAMS, "形式"), 0)
                .add(new Term(Fields.TEXT_GRAMS, "主义"), 2).build();
        assertEquals(new TreeSet<>(List.of("反对形式主义现象", "形式多，主义少", "形式，多主义", "讲形式3主义", "形式，式主义",
                "推进形式主义整治工作")), matches(tiled));
    }

    @Test
    void theCompiledRunFindsExactlyTheTextsHoldingIt() throws Exception {
        for (String run : List.of("形式主义", "形式主", "式主义", "主义", "形式多", "形式主义整治", "形式主义整治工作", "形", "式")) {
            Query q = compile(run);
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

    private static Query compile(String run) throws Exception {
        return new QueryCompiler(AspectTaxonomy.defaults(), RelatedWords.none(), u -> u)
                .compile(QueryLanguage.parse(run), Ranking.DEFAULT, false).query();
    }

    private static TreeSet<String> matches(Query query) throws Exception {
        return matchesIn(query, TEXTS);
    }

    private static TreeSet<String> matchesIn(Query query, List<String> texts) throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.passages()))) {
                for (String text : texts) {
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
