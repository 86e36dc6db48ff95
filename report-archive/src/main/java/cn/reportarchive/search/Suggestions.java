package cn.reportarchive.search;

import cn.reportarchive.index.ReportIndex;
import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;

/**
 * 您是不是要找: when a query finds little or nothing, the queries it was probably meant to be, taken
 * from the archive's own wording. A run of Han characters the archive never writes (a pair of its
 * characters stands in no passage, or the run as a whole in none) is mended one character at a
 * time: a character that sounds the same (形式住义 → 形式主义, 凝心筑魂 → 凝心铸魂), one that looks alike,
 * a character typed twice, two typed the wrong way round; traditional characters are written
 * simplified (形式主義 → 形式主义). A mended run must consist of pairs the archive has; the likeliest
 * few (their pairs and the whole word most used) are tried as queries, with the caller's filters and
 * units, and only one that finds more than the query did is offered.
 */
public final class Suggestions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Suggestions.class);
    /** A query finding this many passages or fewer gets suggestions. */
    static final int FEW = 3;
    static final int MAX_SUGGESTIONS = 3;
    /** Corrected queries tried as searches, at most. */
    private static final int MAX_TRIED = 6;
    private static final int MAX_RUNS = 6;
    private static final int MAX_RUN_LENGTH = 16;
    private static final int PER_RUN = 3;
    /** A filter typed into the query (year:2023, unit：财政局), left as it is. */
    private static final Pattern FILTER = Pattern.compile("^[-+]?[A-Za-z]+[:：]");

    private final PassageSearch search;
    private final ReportIndex index;
    private final Vocabulary vocabulary = new Vocabulary();

    public Suggestions(PassageSearch search, ReportIndex index) {
        this.search = search;
        this.index = index;
    }

    /**
     * Corrected queries for a search that found {@code total} passages; empty when it found enough.
     * A nicety beside the result: whatever goes wrong here is logged and costs the user only the offer.
     */
    public List<String> suggest(SearchRequest request, long total) throws IOException {
        if (total > FEW || request.query().isBlank()) {
            return List.of();
        }
        try {
            return offers(request, total);
        } catch (RuntimeException e) {
            LOG.warn("没有得出检索建议：{}", e.toString());
            return List.of();
        }
    }

    private List<String> offers(SearchRequest request, long total) throws IOException {
        String query = request.query();
        String simplified = HanLP.convertToSimplifiedChinese(query);
        Set<String> candidates = new LinkedHashSet<>();
        if (!simplified.equals(query)) {
            candidates.add(simplified);
        }
        IndexSearcher searcher = index.acquire();
        try {
            Vocabulary.Snapshot words = vocabulary.at(searcher.getIndexReader());
            Map<Run, List<Mended>> mended = new LinkedHashMap<>();
            for (Run run : runs(simplified)) {
                if (!known(words, run.text, request)) {
                    List<Mended> fixes = mend(words, run.text);
                    if (!fixes.isEmpty()) {
                        mended.put(run, fixes);
                    }
                }
            }
            if (mended.size() > 1) { // every unknown run at its best at once
                candidates.add(replace(simplified, mended, null, null));
            }
            for (Map.Entry<Run, List<Mended>> e : mended.entrySet()) {
                for (Mended m : e.getValue()) {
                    candidates.add(replace(simplified, mended, e.getKey(), m));
                }
            }
        } finally {
            index.release(searcher);
        }
        List<String> out = new ArrayList<>();
        long needed = total == 0 ? 0 : Math.max(2 * total, total + 2);
        int tried = 0;
        for (String candidate : candidates) {
            if (out.size() >= MAX_SUGGESTIONS || tried++ >= MAX_TRIED) {
                break;
            }
            if (candidate.equals(query)) {
                continue;
            }
            if (count(request, candidate, request.related()) > needed) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** A run of Han characters in the query, outside its filters: where it stands and what it says. */
    private record Run(int start, String text) {
    }

    /** A mended run, with how likely it is what was meant. */
    private record Mended(String text, double score) {
    }

    static List<String> runsOf(String query) {
        return runs(query).stream().map(Run::text).toList();
    }

    private static List<Run> runs(String query) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < query.length() && runs.size() < MAX_RUNS) {
            while (i < query.length() && isSpace(query.charAt(i))) {
                i++;
            }
            int tokenStart = i;
            while (i < query.length() && !isSpace(query.charAt(i))) {
                i++;
            }
            String token = query.substring(tokenStart, i);
            if (token.isEmpty() || FILTER.matcher(token).find()) {
                continue;
            }
            for (int j = 0; j < token.length(); ) {
                if (!Vocabulary.isHan(token.charAt(j))) {
                    j++;
                    continue;
                }
                int start = j;
                while (j < token.length() && Vocabulary.isHan(token.charAt(j))) {
                    j++;
                }
                if (j - start >= 2 && j - start <= MAX_RUN_LENGTH) {
                    runs.add(new Run(tokenStart + start, token.substring(start, j)));
                }
            }
        }
        return runs;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000';
    }

    /** Whether the archive writes this run: each of its pairs somewhere, and the run itself in a passage. */
    private boolean known(Vocabulary.Snapshot words, String run, SearchRequest request) {
        for (int i = 0; i + 1 < run.length(); i++) {
            if (words.pairFrequency(run.substring(i, i + 2)) == 0) {
                return false;
            }
        }
        // anywhere the caller may read, whatever the filters: a run written elsewhere is no slip
        SearchRequest anywhere = new SearchRequest("", null, null, null, null, 1, 1, SearchRequest.Order.RELEVANCE,
                false, 0, request.units());
        return run.length() == 2 || count(anywhere, "\"" + run + "\"", false) > 0;
    }

    /**
     * The likeliest runs one slip away that the archive writes: the pairs the mending makes stand in
     * some passage, and it leaves fewer of the run's pairs unknown (a pair across punctuation in the
     * text, 进、脸, is no pair of the index, and a query bridges it all the same). Scored by how common
     * the new pairs are, and more when the whole run is one of the archive's words; a sound-alike or
     * look-alike character, a doubled one or a swapped pair.
     */
    private static List<Mended> mend(Vocabulary.Snapshot words, String run) {
        boolean[] missing = new boolean[run.length()]; // pairs (i, i+1) the archive lacks
        int unknown = 0;
        for (int i = 0; i + 1 < run.length(); i++) {
            missing[i] = words.pairFrequency(run.substring(i, i + 2)) == 0;
            unknown += missing[i] ? 1 : 0;
        }
        Map<String, Double> found = new LinkedHashMap<>();
        char[] chars = run.toCharArray();
        for (int pos = 0; pos < chars.length; pos++) {
            boolean touches = (pos > 0 && missing[pos - 1]) || (pos + 1 < chars.length && missing[pos]);
            if (unknown > 0 && !touches) {
                continue; // a slip is where the archive's pairs break off
            }
            char original = chars[pos];
            for (char alt : words.alternatives(original)) {
                chars[pos] = alt;
                consider(words, new String(chars), unknown, found, 0);
            }
            chars[pos] = original;
        }
        for (int pos = 0; pos + 1 < chars.length; pos++) {
            String swapped = run.substring(0, pos) + run.charAt(pos + 1) + run.charAt(pos) + run.substring(pos + 2);
            consider(words, swapped, unknown, found, -0.5);
        }
        for (int pos = 1; pos < chars.length; pos++) {
            if (chars[pos] == chars[pos - 1] && run.length() > 2) {
                consider(words, run.substring(0, pos) + run.substring(pos + 1), unknown, found, -0.5);
            }
        }
        return found.entrySet().stream().filter(e -> !e.getKey().equals(run))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(PER_RUN).map(e -> new Mended(e.getKey(), e.getValue())).toList();
    }

    /** Keeps a candidate that leaves fewer unknown pairs than the run had (none, when the run had none unknown). */
    private static void consider(Vocabulary.Snapshot words, String candidate, int unknownBefore,
                                 Map<String, Double> found, double penalty) {
        if (found.containsKey(candidate) || candidate.length() < 2) {
            return;
        }
        double score = penalty;
        int unknown = 0;
        for (int i = 0; i + 1 < candidate.length(); i++) {
            int df = words.pairFrequency(candidate.substring(i, i + 2));
            if (df == 0) {
                unknown++;
            } else {
                score += Math.log1p(df) / candidate.length();
            }
        }
        if (unknownBefore == 0 ? unknown > 0 : unknown >= unknownBefore) {
            return;
        }
        score -= 2.0 * unknown;
        int asWord = words.wordFrequency(candidate);
        if (asWord > 0) {
            score += 2 + Math.log1p(asWord);
        }
        found.put(candidate, score);
    }

    /** The query with one run mended ({@code only}), or with every run at its best mending (only null). */
    private static String replace(String query, Map<Run, List<Mended>> mended, Run only, Mended with) {
        StringBuilder out = new StringBuilder(query);
        List<Run> byStart = new ArrayList<>(mended.keySet());
        byStart.sort(Comparator.comparingInt(Run::start).reversed()); // from the end: earlier offsets stay valid
        for (Run r : byStart) {
            if (only == null || r.equals(only)) {
                String text = only == null ? mended.get(r).get(0).text() : with.text();
                out.replace(r.start(), r.start() + r.text().length(), text);
            }
        }
        return out.toString();
    }

    /** Passages the query finds with the request's filters and units; a query that cannot be run finds none. */
    private long count(SearchRequest request, String query, boolean related) {
        try {
            return search.search(new SearchRequest(query, request.year(), request.unit(), request.aspect(),
                    request.section(), 1, 1, SearchRequest.Order.RELEVANCE, related, 0, request.units())).total();
        } catch (QuerySyntaxException | IOException | RuntimeException e) {
            return 0;
        }
    }
}
