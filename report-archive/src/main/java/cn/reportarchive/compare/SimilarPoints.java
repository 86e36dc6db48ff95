package cn.reportarchive.compare;

import cn.reportarchive.index.Fields;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.index.UnitScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * 查相似表述: the archived points that say what a pasted text says, whatever their wording, unit or
 * aspect. The index gives the candidates (the passages sharing most of the text's rarer character
 * pairs, BM25 over the pair view), the compare engine's {@link Similarity} orders them (pairs and
 * content words with their synonyms, weighed by rarity), and {@link SharedRuns} marks what they share.
 * A caller limited to some units gets candidates from their passages only, weighed by their
 * statistics alone, as compare does.
 */
public final class SimilarPoints {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;
    /** Below this a point shares no more than the genre's common stock with the text. */
    static final double MIN_SIMILARITY = 0.2;
    /**
     * How many candidates the index gives for re-ranking. Reading a candidate's stored text and
     * segmenting it is most of a look-up's cost (at 100,000 reports: 200 candidates 135 ms of CPU, 100
     * about 40; see BENCHMARKS.md), and the first hundred by shared rare pairs hold what says the same.
     */
    static final int CANDIDATES = 100;
    /**
     * The rarest pairs of the text that make up the candidate query (a long paste has hundreds): the
     * subject matter is in them, and short posting lists keep the query fast; the genre's stock pairs
     * would only bring in every passage.
     */
    static final int MAX_PAIRS = 24;
    private static final int SHARED_MIN = 4;
    private static final int SHARED_MAX = 5;
    /** A point of a part of a report (problems/3/2, measures/1), not a preface paragraph, a heading or the title. */
    private static final Pattern POINT_REF = Pattern.compile("(rectification|problems|causes|measures|other)/\\d+(/\\d+)?");

    private final ReportIndex index;
    private final Supplier<WordView> words;
    private final UnaryOperator<String> unitOf;
    private IndexGramWeights weights;
    /**
     * Limited callers' weights by their units, for the reader they were counted on: a viewer's first
     * look-up counts its pairs over its passages (the slow part), later ones reuse the counts.
     */
    private final java.util.Map<Set<String>, IndexGramWeights> scoped = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Set<String>, IndexGramWeights> eldest) {
            return size() > MAX_SCOPES;
        }
    };
    private static final int MAX_SCOPES = 32;

    /** {@code unitOf}: the name a unit is indexed under, for any of its names (the unit directory). */
    public SimilarPoints(ReportIndex index, Supplier<WordView> words, UnaryOperator<String> unitOf) {
        this.index = index;
        this.words = words;
        this.unitOf = unitOf;
    }

    /**
     * What to look for: the text, optional unit, year and section (problems, measures…: a problem's
     * 查找类似问题 looks among problems), how many hits, the caller's units (null: all).
     */
    public record Request(String text, String unit, Integer year, String section, int limit, Set<String> units) {
        public Request {
            limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
            units = units == null ? null : Set.copyOf(units);
            section = section == null || section.isBlank() ? null : section.strip();
        }

        public Request(String text, String unit, Integer year, int limit, Set<String> units) {
            this(text, unit, year, null, limit, units);
        }
    }

    /** One archived point and how far it says the same: shared runs of text, words and synonyms that met. */
    public record Hit(String reportId, String title, Integer year, String unit, String author, String section,
                      String aspect, String ref, String text, double similarity, List<String> shared,
                      List<String> matched) {
    }

    /** The hits, most similar first, and how many candidates the index gave for them. */
    public record Result(List<Hit> hits, int candidates) {
    }

    public Result find(Request request) throws CompareException, IOException {
        String text = SimilarText.clean(request.text());
        IndexSearcher shared = index.acquire();
        try {
            IndexReader reader = shared.getIndexReader();
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            BooleanQuery pairs = pairQuery(reader, text);
            if (pairs == null) {
                return new Result(List.of(), 0);
            }
            query.add(pairs, Occur.MUST);
            if (request.unit() != null && !request.unit().isBlank()) {
                query.add(new TermQuery(new Term(Fields.UNIT, unitOf.apply(request.unit().strip()))), Occur.FILTER);
            }
            if (request.year() != null) {
                query.add(IntPoint.newExactQuery(Fields.YEAR, request.year()), Occur.FILTER);
            }
            if (request.section() != null) {
                query.add(new TermQuery(new Term(Fields.SECTION, sectionKey(request.section()))), Occur.FILTER);
            }
            if (request.units() != null) {
                query.add(new TermInSetQuery(Fields.UNIT, request.units().stream().map(BytesRef::new).toList()), Occur.FILTER);
            }
            ScoreDoc[] top = new IndexSearcher(reader).search(query.build(), CANDIDATES).scoreDocs;
            Similarity similarity = new Similarity(weights(reader, request.units()), words.get());
            Similarity.Prepared asked = similarity.prepare(text);
            StoredFields stored = shared.storedFields();
            List<Scored> scored = new ArrayList<>();
            for (ScoreDoc d : top) {
                Document doc = stored.document(d.doc);
                String ref = doc.get(Fields.REF);
                if (ref == null || !POINT_REF.matcher(ref).matches()) {
                    continue;
                }
                Similarity.Prepared point = similarity.prepare(doc.get(Fields.TEXT));
                double s = similarity.of(asked, point);
                if (s >= MIN_SIMILARITY) {
                    scored.add(new Scored(doc, point, s));
                }
            }
            scored.sort(Comparator.comparingDouble((Scored s) -> -s.similarity)
                    .thenComparing(s -> s.doc.get(Fields.REPORT_ID)).thenComparing(s -> s.doc.get(Fields.REF)));
            List<Hit> hits = new ArrayList<>();
            for (Scored s : scored.subList(0, Math.min(request.limit(), scored.size()))) {
                hits.add(hit(s, text, similarity.matched(asked, s.point)));
            }
            return new Result(hits, top.length);
        } finally {
            index.release(shared);
        }
    }

    /** A section by its key or its Chinese name (problems / 问题); anything else is refused. */
    private static String sectionKey(String given) throws CompareException {
        for (cn.reportarchive.parse.SectionType t : cn.reportarchive.parse.SectionType.values()) {
            if (t.key().equals(given) || t.label().equals(given)) {
                return t.key();
            }
        }
        throw new CompareException(CompareException.Reason.BAD_REQUEST,
                "没有这个部分：" + given + "（可用 rectification、problems、causes、measures、other）。");
    }

    private record Scored(Document doc, Similarity.Prepared point, double similarity) {
    }

    /**
     * The text's pairs of Han characters that the archive has, the rarest {@link #MAX_PAIRS}, as a
     * plain boolean OR scored by BM25: the passages sharing most of them, and the rarest, come first,
     * and without a minimum to match the search skips what cannot reach the first hundred (a
     * minimum of a fifth of the pairs cost three times as much at 100,000 reports).
     */
    private static BooleanQuery pairQuery(IndexReader reader, String text) throws IOException {
        String key = TextKey.of(text);
        record Pair(String text, int df) {
        }
        List<Pair> found = new ArrayList<>();
        for (int gram : TextKey.grams(key)) {
            String pair = TextKey.gramText(gram);
            if (!isHan(pair.charAt(0)) || !isHan(pair.charAt(1))) {
                continue;
            }
            int df = reader.docFreq(new Term(Fields.TEXT_GRAMS, pair));
            if (df > 0) {
                found.add(new Pair(pair, df));
            }
        }
        if (found.isEmpty()) {
            // a text of one Han character, or of letters and digits only: its characters as the index has them
            for (int i = 0; i < key.length(); i++) {
                String one = String.valueOf(key.charAt(i));
                int df = reader.docFreq(new Term(Fields.TEXT_GRAMS, one));
                if (df > 0 && found.stream().noneMatch(p -> p.text.equals(one))) {
                    found.add(new Pair(one, df));
                }
            }
            if (found.isEmpty()) {
                return null;
            }
        }
        found.sort(Comparator.comparingInt(Pair::df).thenComparing(Pair::text));
        List<Pair> chosen = found.subList(0, Math.min(MAX_PAIRS, found.size()));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Pair p : chosen) {
            b.add(new TermQuery(new Term(Fields.TEXT_GRAMS, p.text)), Occur.SHOULD);
        }
        return b.build();
    }

    private Hit hit(Scored s, String text, List<String> matched) {
        Document doc = s.doc;
        Number year = doc.getField(Fields.YEAR) == null ? null : doc.getField(Fields.YEAR).numericValue();
        String point = doc.get(Fields.TEXT);
        double rounded = Math.round(s.similarity * 1000) / 1000.0;
        return new Hit(doc.get(Fields.REPORT_ID), doc.get(Fields.TITLE), year == null ? null : year.intValue(),
                doc.get(Fields.UNIT), doc.get(Fields.AUTHOR), doc.get(Fields.SECTION), doc.get(Fields.ASPECT),
                doc.get(Fields.REF), point, rounded, SharedRuns.of(point, text, SHARED_MIN, SHARED_MAX), matched);
    }

    /** The whole index's pair weights, kept while it does not change; a limited caller's from its units alone. */
    private synchronized GramWeights weights(IndexReader reader, Set<String> units) throws IOException {
        if (units != null) {
            IndexGramWeights known = scoped.get(units);
            if (known == null || !known.isFor(reader)) {
                known = new IndexGramWeights(reader, UnitScope.of(reader, units));
                scoped.put(units, known);
            }
            return known;
        }
        if (weights == null || !weights.isFor(reader)) {
            weights = new IndexGramWeights(reader);
        }
        return weights;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
