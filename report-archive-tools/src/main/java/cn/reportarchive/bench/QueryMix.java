package cn.reportarchive.bench;

import cn.reportarchive.parse.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The queries a benchmark sends, drawn from the archive's own passages so that they find
 * something: runs of 2–8 characters (most searches), two runs ANDed, quoted phrases, the genre's
 * problem words, and runs with a year or section filter. Deterministic from the seed.
 */
final class QueryMix {
    private static final List<String> GENRE_WORDS = List.of("形式主义", "八项规定", "调查研究", "担当作为", "为基层减负",
            "理论学习", "主体责任", "斗争精神", "文山会海", "群众路线", "民主集中制", "意识形态", "上访", "营商环境");

    /** A query, the runs a line scan must find in one passage to answer it, and its kind (for diagnostics). */
    record Query(String text, List<String> runs, String kind) {
    }

    private QueryMix() {
    }

    static List<Query> draw(List<Passage> passages, int count, long seed) {
        Random random = new Random(seed);
        List<Query> out = new ArrayList<>();
        for (int attempt = 0; out.size() < count && attempt < count * 100; attempt++) {
            Passage p = passages.get(random.nextInt(passages.size()));
            int kind = random.nextInt(10);
            String run = run(p.text(), 2 + random.nextInt(7), random);
            if (run == null) {
                continue;
            }
            if (kind < 5) {
                out.add(new Query(run, List.of(run), "run"));
            } else if (kind < 7) {
                String other = run(p.text(), 2 + random.nextInt(3), random);
                if (other != null && !other.equals(run)) {
                    out.add(new Query(run + " " + other, List.of(run, other), "two runs"));
                }
            } else if (kind == 7) {
                out.add(new Query("\"" + run + "\"", List.of(run), "quoted"));
            } else if (kind == 8) {
                String word = GENRE_WORDS.get(random.nextInt(GENRE_WORDS.size()));
                out.add(new Query(word, List.of(word), "genre word"));
            } else {
                String filter = random.nextBoolean() ? "year:" + (2015 + random.nextInt(10)) : "section:problems";
                out.add(new Query(run + " " + filter, List.of(run), "filter"));
            }
        }
        return out;
    }

    /** A run of Han characters only, so a plain line scan looks for exactly what the index finds. */
    private static String run(String text, int length, Random random) {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (text.length() < length) {
                return null;
            }
            int start = random.nextInt(text.length() - length + 1);
            String run = text.substring(start, start + length);
            if (run.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return run;
            }
        }
        return null;
    }
}
