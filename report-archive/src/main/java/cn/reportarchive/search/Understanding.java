package cn.reportarchive.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the search understood of a query, told with its result: each hit found only through a related
 * word or through its report's unit or author is marked so, the facet values the query's own filters
 * select are listed, and one Chinese sentence says each thing a reader should know (related words used,
 * a name also taken as a unit or author, words dropped to find anything at all).
 */
final class Understanding {
    private Understanding() {
    }

    /** {@code relaxed}: the partial match this result is of, null for the query as typed. */
    static SearchResult of(SearchResult result, QueryCompiler.Understood understood, SearchRequest request,
                           PartialMatches.Relaxed relaxed) {
        List<String> dropped = relaxed == null ? List.of() : relaxed.dropped();
        List<SearchHit> hits = new ArrayList<>();
        Set<String> relatedOnPage = new LinkedHashSet<>();
        Set<String> namesOnPage = new LinkedHashSet<>();
        for (SearchHit hit : result.hits()) {
            String text = plain(hit.text());
            List<String> related = new ArrayList<>();
            for (QueryCompiler.Widened w : understood.widened()) {
                if (!text.contains(plain(w.word()))) {
                    for (String alternative : w.related()) {
                        if (text.contains(plain(alternative)) && !related.contains(alternative)) {
                            related.add(alternative);
                        }
                    }
                }
            }
            String name = null;
            for (QueryCompiler.NameMatch n : understood.names()) {
                boolean byAuthor = hit.author() != null && n.authors().contains(hit.author());
                boolean byUnit = hit.unit() != null && n.units().contains(hit.unit());
                if ((byAuthor || byUnit) && !text.contains(plain(n.word()))) {
                    name = n.word();
                    namesOnPage.add(n.word());
                }
            }
            relatedOnPage.addAll(related);
            hits.add(hit.withMarks(related, name));
        }
        List<String> notes = new ArrayList<>();
        if (!dropped.isEmpty()) {
            notes.add((relaxed.sentence() ? "这段话没有原样出现，也没有段落含有其中全部词语" : "没有同时含有全部检索词的段落")
                    + "；以下是去掉“" + String.join("”“", dropped) + "”后含有其余各词的段落（最接近的部分匹配）。");
        } else if (relaxed != null) {
            notes.add("这段话没有原样出现；以下是含有其中全部词语的段落（词语不一定连在一起）。");
        }
        for (QueryCompiler.Widened w : understood.widened()) {
            List<String> used = w.related().stream().filter(relatedOnPage::contains).toList();
            if (!used.isEmpty()) {
                notes.add("含相关词：" + String.join("、", used) + "（检索“" + w.word() + "”时一并查找，标有“相关词”的段落不含“"
                        + w.word() + "”本身；只查原词请给它加引号或取消“同时检索相关词”）。");
            }
        }
        for (QueryCompiler.NameMatch n : understood.names()) {
            if (!namesOnPage.contains(n.word())) {
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!n.authors().isEmpty()) {
                what.add("作者姓名");
            }
            if (!n.units().isEmpty()) {
                what.add("单位名称（" + String.join("、", n.units()) + "）");
            }
            notes.add("“" + n.word() + "”也是" + String.join("和", what) + "，一并列出" + (n.units().isEmpty() ? "其本人" : "相应")
                    + "的材料（标有“按名称”）。");
        }
        notes.addAll(understood.notes());
        Map<String, List<String>> filters = new LinkedHashMap<>();
        understood.queryFilters().forEach((dim, values) -> filters.put(dim, List.copyOf(new LinkedHashSet<>(values))));
        return result.withHits(hits).withUnderstanding(filters, dropped, List.copyOf(relatedOnPage), notes);
    }

    /** Letters and digits only, width and case folded: whether a word stands in a text, as the pair view sees it. */
    static String plain(String s) {
        if (s == null) {
            return "";
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
