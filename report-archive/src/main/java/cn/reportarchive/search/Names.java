package cn.reportarchive.search;

import cn.reportarchive.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The units and authors of the index, and what a name typed means: in a filter ({@code unit:财政局},
 * {@code author:立新}) a short name or an alias, and the closest names when none fits; typed bare, a name
 * that is a unit's or an author's, so that its reports are found beside the passages that name it.
 *
 * <p>A unit's short name is its name without the place it stands in (临江县财政局 → 财政局,
 * 青山区市场监督管理局 → 市场监督管理局); an abbreviation is its characters in order (市场监管局). Every
 * other name of a unit (中共临江县财政局党组, an alias a merge made) goes through the unit directory.
 * Only what the caller may see is ever matched or proposed.
 */
final class Names {
    /** A place a unit's name begins with: 临江县, 青山区, 某某市某某区. */
    private static final Pattern PLACE = Pattern.compile("^[\\p{IsHan}]{1,6}?(?:省|自治区|市|自治州|州|盟|县|区|旗|镇|乡)");
    private static final int CLOSEST = 3;

    /** No index: every name is taken as written (the unit directory's name alone). */
    static final Names NONE = new Names(name -> name);

    private final UnaryOperator<String> unitOf;
    private volatile Snapshot cached;

    Names(UnaryOperator<String> unitOf) {
        this.unitOf = unitOf;
    }

    /** What a name means to one caller (a view of the names): the names of its units only (null: every unit). */
    record View(Snapshot names, IndexSearcher searcher, Set<String> units) {
        static final View NONE = new View(null, null, null);

        boolean unitVisible(String unit) {
            return names != null && names.units.contains(unit) && (units == null || units.contains(unit));
        }

        boolean authorVisible(String author) {
            if (names == null || !names.authors.contains(author)) {
                return false;
            }
            if (units == null) {
                return true;
            }
            try {
                return searcher.count(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.AUTHOR, author)), Occur.FILTER)
                        .add(new TermInSetQuery(Fields.UNIT, units.stream().map(BytesRef::new).toList()), Occur.FILTER)
                        .build()) > 0;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** The unit and author names of one reader of the index. */
    static final class Snapshot {
        private final IndexReader.CacheKey key;
        final Set<String> units;
        final Set<String> authors;
        /** Short name (without the place) to the units of that short name. */
        final Map<String, Set<String>> unitsByShortName = new HashMap<>();

        Snapshot(IndexReader reader) throws IOException {
            key = reader.getReaderCacheHelper() == null ? null : reader.getReaderCacheHelper().getKey();
            units = terms(reader, Fields.UNIT);
            authors = terms(reader, Fields.AUTHOR);
            for (String unit : units) {
                String shortName = shortName(unit);
                if (shortName != null) {
                    unitsByShortName.computeIfAbsent(shortName, k -> new TreeSet<>()).add(unit);
                }
            }
        }

        private static Set<String> terms(IndexReader reader, String field) throws IOException {
            Set<String> out = new TreeSet<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                for (BytesRef t = it.next(); t != null; t = it.next()) {
                    out.add(t.utf8ToString());
                }
            }
            return out;
        }
    }

    /** The names of this reader (read once per commit). */
    View scope(IndexSearcher searcher, Set<String> units) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Snapshot s = cached;
        IndexReader.CacheKey key = reader.getReaderCacheHelper() == null ? null : reader.getReaderCacheHelper().getKey();
        if (s == null || key == null || s.key != key) {
            s = new Snapshot(reader);
            cached = s;
        }
        return new View(s, searcher, units);
    }

    /** A unit's name without the place it stands in; null when nothing of two characters or more is left. */
    static String shortName(String unit) {
        String rest = unit;
        boolean cut = false;
        for (Matcher m = PLACE.matcher(rest); m.find() && rest.length() - m.end() >= 2; m = PLACE.matcher(rest)) {
            rest = rest.substring(m.end());
            cut = true;
        }
        return cut ? rest : null;
    }

    /** Whether the characters of {@code typed} stand in {@code name} in this order. */
    static boolean inOrder(String typed, String name) {
        int at = 0;
        for (int i = 0; i < typed.length(); i++) {
            at = name.indexOf(typed.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    /**
     * The units a filter's value means: the unit the directory resolves it to, else the units of that short
     * name, else those whose name holds its characters in order and ends as it does. Empty when none.
     */
    Set<String> units(View scope, String typed) {
        Set<String> out = new LinkedHashSet<>();
        String resolved = unitOf.apply(typed);
        if (resolved != null && scope.unitVisible(resolved)) {
            out.add(resolved);
            return out;
        }
        if (scope.unitVisible(typed)) {
            out.add(typed);
            return out;
        }
        for (String unit : scope.names().unitsByShortName.getOrDefault(typed, Set.of())) {
            if (scope.unitVisible(unit)) {
                out.add(unit);
            }
        }
        if (out.isEmpty() && typed.codePointCount(0, typed.length()) >= 2) {
            // an abbreviation keeps the kind of unit its name ends with (局, 镇, 委): 青山区 is a place, not a unit
            char last = typed.charAt(typed.length() - 1);
            for (String unit : scope.names().units) {
                if (unit.charAt(unit.length() - 1) == last && inOrder(typed, unit) && scope.unitVisible(unit)) {
                    out.add(unit);
                }
            }
        }
        return out;
    }

    /** The authors a filter's value means: the name itself, else the authors whose name holds it (立新). */
    Set<String> authors(View scope, String typed) {
        Set<String> out = new LinkedHashSet<>();
        if (scope.authorVisible(typed)) {
            out.add(typed);
            return out;
        }
        if (typed.codePointCount(0, typed.length()) >= 2) {
            for (String author : scope.names().authors) {
                if (author.contains(typed) && scope.authorVisible(author)) {
                    out.add(author);
                }
            }
        }
        return out;
    }

    /**
     * What a word typed bare names: the author of that name, and the unit of that name, alias or short
     * name, or (for four characters or more) the unit it abbreviates in order and ends alike; a short name
     * or abbreviation only when it fits one unit. Looser matches are for filters only: a bare word is
     * mostly text.
     */
    Set<String> bareUnits(View scope, String word) {
        Set<String> out = new LinkedHashSet<>();
        if (scope.names() == null || word.codePointCount(0, word.length()) < 2) {
            return out;
        }
        String resolved = unitOf.apply(word);
        if (resolved != null && scope.unitVisible(resolved)) {
            out.add(resolved);
            return out;
        }
        for (String unit : scope.names().unitsByShortName.getOrDefault(word, Set.of())) {
            if (scope.unitVisible(unit)) {
                out.add(unit);
            }
        }
        if (out.isEmpty() && word.length() >= 4) {
            char last = word.charAt(word.length() - 1);
            for (String unit : scope.names().units) {
                if (unit.charAt(unit.length() - 1) == last && inOrder(word, unit) && scope.unitVisible(unit)) {
                    out.add(unit);
                }
            }
        }
        // a short name many units share (人民政府, the 财政局 of every county) is a word of the text, not a name
        return out.size() == 1 ? out : new LinkedHashSet<>();
    }

    Set<String> bareAuthors(View scope, String word) {
        return scope.names() != null && word.codePointCount(0, word.length()) >= 2 && scope.authorVisible(word)
                ? Set.of(word) : Set.of();
    }

    /** The visible names closest to what was typed (most characters in common, in order), at most three. */
    static List<String> closest(String typed, Set<String> names, java.util.function.Predicate<String> visible) {
        record Scored(String name, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String name : names) {
            int common = commonInOrder(typed, name);
            if (common > 0) {
                scored.add(new Scored(name, (double) common / Math.max(typed.length(), name.length()) + common * 0.01));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(Scored::name));
        List<String> out = new ArrayList<>();
        for (Scored s : scored) {
            if (out.size() >= CLOSEST) {
                break;
            }
            if (visible.test(s.name())) {
                out.add(s.name());
            }
        }
        return out;
    }

    /** Length of the longest common subsequence. */
    private static int commonInOrder(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
