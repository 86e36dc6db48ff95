package cn.reportarchive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;

/**
 * What an IT department would deploy instead: Solr or Elasticsearch with smartcn alone, here as a
 * Lucene index of the same passages (written by {@link PassageExport}). A run of the query is the
 * phrase of its smartcn words (Elasticsearch's match_phrase, Solr's autoGeneratePhraseQueries), the
 * runs of a query all required, year and section filters as filters; the first 20 by BM25 and the
 * total counted up to 10,000 (Elasticsearch's default track_total_hits). No facets, snippets or
 * per-report spread: the peer's times are the floor of what such a deployment answers, and its
 * matches show what it finds of the passages that hold the query's characters.
 */
final class SmartcnPeer implements AutoCloseable {
    static final String TEXT = "text";
    static final String LINE = "line";
    static final String YEAR = "year";
    static final String SECTION = "section";
    private static final int TRACK_TOTAL = 10_000;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = new SmartChineseAnalyzer(true);

    SmartcnPeer(Path dir) throws IOException {
        this.reader = DirectoryReader.open(FSDirectory.open(dir));
        this.searcher = new IndexSearcher(reader);
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "%,d passages in %d segments", reader.numDocs(),
                reader.leaves().size());
    }

    /** The query as the peer would run it. */
    Query query(QueryMix.Query q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String run : q.runs()) {
            Query phrase = phrase(run);
            b.add(phrase == null ? new MatchNoDocsQuery() : phrase, Occur.MUST);
        }
        for (String part : q.text().split("\\s+")) {
            if (part.startsWith("year:")) {
                b.add(IntPoint.newExactQuery(YEAR, Integer.parseInt(part.substring(5))), Occur.FILTER);
            } else if (part.startsWith("section:")) {
                b.add(new TermQuery(new Term(SECTION, part.substring(8))), Occur.FILTER);
            }
        }
        return b.build();
    }

    /** A page of 20: what one search of the peer costs. */
    TopDocs search(QueryMix.Query q) throws IOException {
        return searcher.search(query(q), new TopScoreDocCollectorManager(20, null, TRACK_TOTAL));
    }

    /** Every line (passage) the peer matches. */
    BitSet matches(QueryMix.Query q) throws IOException {
        return searcher.search(query(q), new CollectorManager<LineCollector, BitSet>() {
            @Override
            public LineCollector newCollector() {
                return new LineCollector();
            }

            @Override
            public BitSet reduce(java.util.Collection<LineCollector> collectors) {
                BitSet all = new BitSet();
                collectors.forEach(c -> all.or(c.lines));
                return all;
            }
        });
    }

    /** Year (0: none) and section ordinal of every line, to apply a query's filters to a line scan. */
    record LineFacts(short[] year, byte[] section) {
    }

    LineFacts facts(int lines) throws IOException {
        short[] year = new short[lines];
        byte[] section = new byte[lines];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues line = leaf.reader().getNumericDocValues(LINE);
            NumericDocValues y = leaf.reader().getNumericDocValues(YEAR);
            NumericDocValues s = leaf.reader().getNumericDocValues(SECTION);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (!line.advanceExact(doc)) {
                    continue;
                }
                int l = (int) line.longValue();
                if (l < lines) {
                    year[l] = y != null && y.advanceExact(doc) ? (short) y.longValue() : 0;
                    section[l] = s != null && s.advanceExact(doc) ? (byte) s.longValue() : -1;
                }
            }
        }
        return new LineFacts(year, section);
    }

    private Query phrase(String run) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, run)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms.isEmpty()) {
            return null;
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(TEXT, terms.get(0)));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            b.add(new Term(TEXT, terms.get(i)), positions.get(i));
        }
        return b.build();
    }

    private static final class LineCollector implements Collector {
        final BitSet lines = new BitSet();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues line = context.reader().getNumericDocValues(LINE);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (line.advanceExact(doc)) {
                        lines.set((int) line.longValue());
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
