package cn.reportarchive.search;

import cn.reportarchive.extract.SpaceCleaner;
import cn.reportarchive.index.Fields;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.SectionType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A parsed query to Lucene. Each word must stand in the passage as a run of characters (a phrase
 * of character pairs: recall as good as grep); related words widen a bare word at a lower weight.
 * A match of smartcn's whole words adds to the score, through a separate query that rescores the
 * first hits: inside the query it would keep block-max WAND from skipping anything of a broad
 * search. Field filters at the top level are kept apart by dimension so that facets can be
 * counted without their own filter.
 */
final class QueryCompiler {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:\\.\\.(\\d{4}))?");

    /**
     * The text query, the top-level filters by dimension (year, unit, author, aspect, section), and
     * the whole-word query whose score is added to a hit's (null: none, or the signal switched off).
     */
    record Compiled(Query query, Map<String, List<Query>> filters, Query wholeWords, Snippets.Runs runs,
                    Understood understood) {
    }

    /** A bare word and the related words that widened it. */
    record Widened(String word, List<String> related) {
    }

    /** A bare word that is also the name of units or authors, whose reports it finds too. */
    record NameMatch(String word, Set<String> units, Set<String> authors) {
    }

    /**
     * What the compile understood, for the result: the facet values the query's own filters select, the
     * widened words, the names, and a sentence for anything the user should be told.
     */
    record Understood(Map<String, List<String>> queryFilters, List<Widened> widened, List<NameMatch> names,
                      List<String> notes) {
        static Understood empty() {
            return new Understood(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Per compile: whose names are matched and what was understood. */
    record Context(Names.View names, Understood understood) {
        static Context none() {
            return new Context(Names.View.NONE, Understood.empty());
        }
    }

    /**
     * How words are compiled, and where each positive word leaves its whole-word clause. {@code required}:
     * every hit of the query contains the words of this scope (no OR above them).
     */
    private record Scope(Ranking ranking, boolean related, List<Query> wholeWords, boolean required,
                         List<String> runs, Context context, boolean alone, boolean negative) {
        /** Under NOT a word adds nothing to a hit's score, and is not marked in snippets. */
        Scope negated() {
            return new Scope(ranking, related, new ArrayList<>(), false, new ArrayList<>(), context, false, true);
        }

        /** Under OR a hit may lack any one of the alternatives. */
        Scope alternatives() {
            return new Scope(ranking, related, wholeWords, false, runs, context, alone, negative);
        }
    }

    /**
     * Score of a report's title found through its unit or author named alone (周立新): above the passages
     * that merely mention the name, so the person's or unit's reports come first.
     */
    static final float NAMED_REPORT_SCORE = 50f;
    /** A name beside other words widens to the passages of its reports, adding only a little to their score. */
    static final float NAMED_PASSAGE_SCORE = 0.1f;

    private final AspectTaxonomy taxonomy;
    private final RelatedWords relatedWords;
    /** Any name of a unit to the one its passages are indexed under (see archive/UnitDirectory). */
    private final UnaryOperator<String> unitOf;
    private final RunQueries runQueries = new RunQueries();

    private final Names names;

    /** Whether the unit directory has a unit of this name (reports or not). */
    private final java.util.function.Predicate<String> unitKnown;

    QueryCompiler(AspectTaxonomy taxonomy, RelatedWords relatedWords, UnaryOperator<String> unitOf) {
        this(taxonomy, relatedWords, unitOf, name -> false);
    }

    QueryCompiler(AspectTaxonomy taxonomy, RelatedWords relatedWords, UnaryOperator<String> unitOf,
                  java.util.function.Predicate<String> unitKnown) {
        this.taxonomy = taxonomy;
        this.relatedWords = relatedWords;
        this.unitOf = unitOf;
        this.unitKnown = unitKnown;
        this.names = new Names(unitOf);
    }

    /** The names of the index as one caller sees them (see {@link Names}). */
    Names.View names(IndexSearcher searcher, Set<String> units) throws IOException {
        return names.scope(searcher, units);
    }

    Compiled compile(QueryNode node, Ranking ranking, boolean related) throws QuerySyntaxException {
        return compile(node, ranking, related, Context.none());
    }

    Compiled compile(QueryNode node, Ranking ranking, boolean related, Context context) throws QuerySyntaxException {
        Map<String, List<Query>> filters = new LinkedHashMap<>();
        List<QueryNode> top = node instanceof QueryNode.All all ? all.parts() : List.of(node);
        List<QueryNode> rest = new ArrayList<>();
        for (QueryNode part : top) {
            if (part instanceof QueryNode.Filter f) {
                filters.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(filter(f, context, true));
            } else {
                rest.add(part);
            }
        }
        // a name typed as the only word finds its reports (their titles); beside other words, their passages
        boolean alone = rest.size() == 1 && rest.get(0) instanceof QueryNode.Word;
        Scope scope = new Scope(ranking, related, new ArrayList<>(), true, new ArrayList<>(), context, alone, false);
        Query text = query(new QueryNode.All(rest), scope);
        if (text == null && filters.isEmpty() && mentionsWords(node)) {
            throw new QuerySyntaxException("检索式中没有可以查找的文字（只有标点符号或 * 之类的符号）：请直接输入要查找的词语，"
                    + "如 八项规定，不必加 * 通配。");
        }
        return new Compiled(text == null ? new MatchAllDocsQuery() : text, filters, wholeWords(scope.wholeWords()),
                Snippets.Runs.of(ranking.exactRuns() ? scope.runs() : null), context.understood());
    }

    private static boolean mentionsWords(QueryNode node) {
        if (node instanceof QueryNode.Word) {
            return true;
        }
        if (node instanceof QueryNode.Not n) {
            return mentionsWords(n.part());
        }
        List<QueryNode> parts = node instanceof QueryNode.All a ? a.parts()
                : node instanceof QueryNode.Any o ? o.parts() : List.of();
        return parts.stream().anyMatch(QueryCompiler::mentionsWords);
    }

    private static Query wholeWords(List<Query> clauses) {
        if (clauses.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        clauses.forEach(q -> b.add(new BoostQuery(q, Ranking.WHOLE_WORD_BOOST), Occur.SHOULD));
        return b.build();
    }

    /** A Lucene query for the node; null when it asks for nothing (a word of punctuation only). */
    private Query query(QueryNode node, Scope scope) throws QuerySyntaxException {
        if (node instanceof QueryNode.Word w) {
            return word(w, scope);
        }
        if (node instanceof QueryNode.Filter f) {
            return new ConstantScoreQuery(filter(f, scope.context(), false));
        }
        if (node instanceof QueryNode.Not n) {
            Query inner = query(n.part(), scope.negated());
            return inner == null ? null : new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST).add(inner, Occur.MUST_NOT).build();
        }
        if (node instanceof QueryNode.All all) {
            return all(all, scope);
        }
        return any((QueryNode.Any) node, scope);
    }

    private Query all(QueryNode.All all, Scope scope) throws QuerySyntaxException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        boolean any = false;
        for (QueryNode part : all.parts()) {
            if (part instanceof QueryNode.Not n) {
                Query inner = query(n.part(), scope.negated());
                if (inner != null) {
                    b.add(inner, Occur.MUST_NOT);
                    any = true;
                }
            } else if (part instanceof QueryNode.Filter f) {
                b.add(filter(f, scope.context(), false), Occur.FILTER);
                any = true;
            } else {
                Query q = query(part, scope);
                if (q != null) {
                    b.add(q, Occur.MUST);
                    positive = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    private Query any(QueryNode.Any any, Scope scope) throws QuerySyntaxException {
        List<Query> parts = new ArrayList<>();
        for (QueryNode part : any.parts()) {
            Query q = query(part, scope.alternatives());
            if (q != null) {
                parts.add(q);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (!scope.ranking().coordination()) {
            return new DisjunctionMaxQuery(parts, 0f);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        parts.forEach(q -> b.add(q, Occur.SHOULD));
        return b.build();
    }

    private Query word(QueryNode.Word w, Scope scope) {
        Ranking ranking = scope.ranking();
        String text = SpaceCleaner.cleanLine(w.text().strip());
        Query literal = runQueries.pairs(text, ranking.exactRuns());
        if (literal == null) {
            return null;
        }
        Query match = literal;
        scope.runs().add(text);
        if (scope.related() && !w.quoted()) {
            List<String> alternatives = relatedWords.of(text);
            scope.runs().addAll(alternatives);
            if (!alternatives.isEmpty() && !scope.negative()) {
                scope.context().understood().widened().add(new Widened(text, alternatives));
            }
            if (!alternatives.isEmpty()) {
                BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
                b.add(literal, Occur.SHOULD);
                float weight = ranking.relatedBelowLiteral() ? Ranking.RELATED_WEIGHT : 1f;
                for (String alternative : alternatives) {
                    Query q = runQueries.pairs(alternative, ranking.exactRuns());
                    if (q != null) {
                        b.add(new BoostQuery(q, weight), Occur.SHOULD);
                    }
                }
                match = b.build();
            }
        }
        if (!w.quoted() && !scope.negative()) {
            match = named(text, match, scope);
        }
        // smartcn's words of the run, anywhere in the passage: the run itself is assured by the pairs, and
        // the words field keeps no positions (a smaller index; a phrase of words ranked no better)
        Query whole = ranking.wholeWords() ? runQueries.words(text) : null;
        if (whole != null) {
            // scores only where this word matched, as a clause beside it would; a word every hit contains
            // needs no check (its run, a phrase, would be matched again for every rescored hit)
            scope.wholeWords().add(scope.required() ? whole
                    : new BooleanQuery.Builder().add(match, Occur.FILTER).add(whole, Occur.MUST).build());
        }
        return match;
    }

    /**
     * A bare word that is a unit's or an author's name also finds that unit's or person's reports: named
     * alone, their titles, ranked first; beside other words, their passages, which the other words narrow.
     */
    private Query named(String text, Query match, Scope scope) {
        Names.View view = scope.context().names();
        if (view.names() == null) {
            return match;
        }
        Set<String> authors = names.bareAuthors(view, text);
        Set<String> units = names.bareUnits(view, text);
        if (authors.isEmpty() && units.isEmpty()) {
            return match;
        }
        scope.context().understood().names().add(new NameMatch(text, units, authors));
        BooleanQuery.Builder metadata = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        if (!authors.isEmpty()) {
            metadata.add(terms(Fields.AUTHOR, authors), Occur.SHOULD);
        }
        if (!units.isEmpty()) {
            metadata.add(terms(Fields.UNIT, units), Occur.SHOULD);
        }
        Query reports = scope.alone()
                ? new BoostQuery(new ConstantScoreQuery(new BooleanQuery.Builder().add(metadata.build(), Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.PASSAGE, "title")), Occur.FILTER).build()), NAMED_REPORT_SCORE)
                : new BoostQuery(new ConstantScoreQuery(metadata.build()), NAMED_PASSAGE_SCORE);
        return new BooleanQuery.Builder().setMinimumNumberShouldMatch(1)
                .add(match, Occur.SHOULD).add(reports, Occur.SHOULD).build();
    }

    private static Query terms(String field, Set<String> values) {
        return values.size() == 1 ? new TermQuery(new Term(field, values.iterator().next()))
                : new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    Query filter(QueryNode.Filter f) throws QuerySyntaxException {
        return filter(f, Context.none(), false);
    }

    /**
     * A filter as a query. {@code typed}: a filter of the query's top level, whose facet values the result
     * reports as selected.
     */
    Query filter(QueryNode.Filter f, Context context, boolean typed) throws QuerySyntaxException {
        String value = f.value().strip();
        Map<String, List<String>> selected = context.understood().queryFilters();
        return switch (f.field()) {
            case "year" -> {
                Query q = year(value);
                if (typed) {
                    int[] range = yearRange(value);
                    List<String> years = selected.computeIfAbsent("year", k -> new ArrayList<>());
                    for (int y = range[0]; y <= range[1] && years.size() < 100; y++) {
                        years.add(String.valueOf(y));
                    }
                }
                yield q;
            }
            case "unit" -> unit(value, context, typed);
            case "author" -> author(value, context);
            case "aspect" -> {
                String key = taxonomy.resolve(value).orElseThrow(() ->
                        new QuerySyntaxException("未知的方面“" + value + "”，可用：" + aspectNames() + "。"));
                if (typed) {
                    selected.computeIfAbsent("aspect", k -> new ArrayList<>()).add(key);
                }
                yield new TermQuery(new Term(Fields.ASPECT, key));
            }
            case "section" -> {
                String key = section(value).key();
                if (typed) {
                    selected.computeIfAbsent("section", k -> new ArrayList<>()).add(key);
                }
                yield new TermQuery(new Term(Fields.SECTION, key));
            }
            default -> throw new QuerySyntaxException("未知的字段“" + f.field() + "”。");
        };
    }

    /**
     * unit:… by any name of a unit: as the directory resolves it, a short name (财政局), characters in order
     * (市场监管局); a name that fits none is refused with the closest names the caller may see.
     */
    private Query unit(String value, Context context, boolean typed) throws QuerySyntaxException {
        Names.View view = context.names();
        if (view.names() == null) {
            String unit = unitOf.apply(value);
            return new TermQuery(new Term(Fields.UNIT, unit == null ? value : unit));
        }
        Set<String> units = names.units(view, value);
        if (units.isEmpty() && view.units() == null && unitKnown.test(value)) {
            // a unit of the directory without reports now (all deleted): nothing to find, but not an unknown name;
            // a caller limited to some units gets the same answer for any other unit as for no unit at all
            return new TermQuery(new Term(Fields.UNIT, unitOf.apply(value)));
        }
        if (units.isEmpty()) {
            List<String> close = Names.closest(value, view.names().units, view::unitVisible);
            throw new QuerySyntaxException("档案库中没有名为“" + value + "”的单位"
                    + (close.isEmpty() ? "。" : "，最接近的有：" + String.join("、", close) + "。"));
        }
        if (typed) {
            context.understood().queryFilters().computeIfAbsent("unit", k -> new ArrayList<>()).addAll(units);
        }
        if (units.size() > 1 || !units.contains(value) && !units.contains(unitOf.apply(value))) {
            context.understood().notes().add("“" + value + "”按单位" + (units.size() > 1 ? "（共 " + units.size() + " 个）" : "")
                    + "理解为：" + String.join("、", units) + "。");
        }
        return terms(Fields.UNIT, units);
    }

    /** author:… by the full name or a part of it (立新); an unknown name is refused with the closest. */
    private Query author(String value, Context context) throws QuerySyntaxException {
        Names.View view = context.names();
        if (view.names() == null) {
            return new TermQuery(new Term(Fields.AUTHOR, value));
        }
        Set<String> authors = names.authors(view, value);
        if (authors.isEmpty()) {
            List<String> close = Names.closest(value, view.names().authors, view::authorVisible);
            throw new QuerySyntaxException("档案库中没有作者“" + value + "”的材料"
                    + (close.isEmpty() ? "。" : "，最接近的有：" + String.join("、", close) + "。"));
        }
        if (!authors.contains(value)) {
            context.understood().notes().add("作者“" + value + "”理解为：" + String.join("、", authors) + "。");
        }
        return terms(Fields.AUTHOR, authors);
    }

    private static int[] yearRange(String value) {
        Matcher m = YEAR.matcher(value);
        m.matches();
        int from = Integer.parseInt(m.group(1));
        return new int[] {from, m.group(2) == null ? from : Integer.parseInt(m.group(2))};
    }

    private static Query year(String value) throws QuerySyntaxException {
        Matcher m = YEAR.matcher(value);
        if (!m.matches()) {
            throw new QuerySyntaxException("年度“" + value + "”的写法不对，应写作 year:2023 或 year:2021..2023。");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (to < from) {
            throw new QuerySyntaxException("年度范围“" + value + "”的起止颠倒了，应写作 year:2021..2023。");
        }
        return IntPoint.newRangeQuery(Fields.YEAR, from, to);
    }

    static SectionType section(String keyOrLabel) throws QuerySyntaxException {
        for (SectionType type : SectionType.values()) {
            if (type.key().equals(keyOrLabel) || type.label().equals(keyOrLabel)) {
                return type;
            }
        }
        throw new QuerySyntaxException("未知的部分“" + keyOrLabel
                + "”，可用：rectification/整改落实、problems/问题、causes/原因、measures/措施、other/其他。");
    }

    private String aspectNames() {
        return String.join("、", taxonomy.aspects().stream().map(a -> a.key() + "/" + a.label()).toList());
    }
}
