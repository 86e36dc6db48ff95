package cn.reportarchive.compare;

import cn.reportarchive.parse.ChineseNumerals;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers an account of rectification claims for itself: "上年度查摆的13个问题已整改完成10个",
 * "共梳理问题十二项，已完成整改9项、正在整改3项", "查摆出的5个方面18条问题已全部整改到位". Pure: a text
 * in, the claims of its sentences out.
 *
 * <p>A count is a number (Arabic or Chinese) with a counter 个 / 条 / 项 / 件 / 方面. What it counts is
 * read from its neighbours: a noun right after it or right before it (问题, 措施 / 任务 / 事项) makes it
 * a total; a done word before it (已完成, 整改到位, 销号…) a number done; 正在 / 其余 / 尚有 one still under
 * way. A count followed by any other noun is a set phrase of the genre (四个意识, 两个维护, 八项规定,
 * 六个带头, 8个乡镇) and counts nothing; a count after 第 is an ordinal.
 */
public final class ClaimedNumbers {
    /** What one sentence claims; null where it says nothing of that. */
    public record Claim(String sentence, Integer aspects, Integer problems, Integer measures, Integer total,
            Integer done, Integer ongoing, boolean all, String counter) {

        /** How many the sentence says are done: the number, or the whole when it says all are. */
        public Integer claimedDone() {
            if (done != null) {
                return done;
            }
            if (!all) {
                return null;
            }
            return measures != null ? measures : problems != null ? problems : total;
        }
    }

    private static final String NUMBER = "[0-9０-９]+|[零〇一二两三四五六七八九十百]+";
    private static final Pattern COUNT = Pattern.compile("(" + NUMBER + ")\\s*(个方面|方面|个|条|项|件)");
    private static final Pattern SENTENCES = Pattern.compile("[^。；;！!？?\\n]+");
    private static final String PROBLEM_NOUN = "问题";
    private static final String MEASURE_NOUN = "措施|任务|事项|举措";
    /** A noun up to four characters after the counter (13个突出问题, 17条整改措施). */
    private static final Pattern NOUN_AFTER = Pattern.compile("^[\\p{IsHan}&&[^，、。；的和及与]]{0,4}?(" + PROBLEM_NOUN + "|" + MEASURE_NOUN + ")");
    /** The noun just before the number, with 共 / 共计 / 清单 between (问题十二项, 整改措施共25条). */
    private static final Pattern NOUN_BEFORE = Pattern.compile("(" + PROBLEM_NOUN + "|" + MEASURE_NOUN + ")(?:清单)?(?:共|共计|总计|合计|有)?$");
    /** What may follow a count that stands alone ("已完成10项，" "其余3条正在…"). */
    private static final Pattern BARE_AFTER = Pattern.compile("^(?:$|[，、,：:）)]|已|均|全|正|仍|尚|还|需|待|得|基本|目前|按|在|持续|长期|未|逐|并|转|中)");
    private static final Pattern DONE_BEFORE = Pattern.compile(
            "(?:完成|完成了|完成整改|整改完成|整改到位|到位|销号|办结|已整改|已落实|解决|落实到位)(?:的)?(?:共|共计)?$");
    private static final Pattern ONGOING_BEFORE = Pattern.compile(
            "(?:正在整改|持续整改|正在推进|持续推进|正在落实|尚未完成|未完成|其余|剩余|尚有|还有|另有|需长期坚持的|长期坚持的)(?:的)?$");
    private static final Pattern ONGOING_AFTER = Pattern.compile("^[^，。；]{0,3}?(?:正在|持续|推进中|未完成|尚未|需长期|长期坚持|按计划推进)");
    private static final Pattern DONE_AFTER = Pattern.compile("^[^，。；]{0,8}?(?:已|均已)(?:全部|基本)?(?:整改)?(?:完成|到位|销号|办结|落实)");
    private static final Pattern TOTAL_BEFORE = Pattern.compile("(?:共|共计|总计|合计)$");
    private static final Pattern ALL_DONE = Pattern.compile(
            "(?:全部|均已|均)(?:整改)?(?:完成|到位|销号|办结|落实)|全部整改|已全部|完成率(?:达到?|为)?100[%％]");

    private ClaimedNumbers() {
    }

    /** The claims of every sentence of the text that makes one, in order. */
    public static List<Claim> in(String text) {
        List<Claim> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher s = SENTENCES.matcher(text);
        while (s.find()) {
            Claim c = sentence(s.group().strip());
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * What a set of sentences claims together (a total in one, the numbers done in the next): each
     * number from the first sentence that gives it; null when none claims anything.
     */
    public static Claim merged(List<Claim> claims) {
        if (claims.isEmpty()) {
            return null;
        }
        Integer aspects = null;
        Integer problems = null;
        Integer measures = null;
        Integer total = null;
        Integer done = null;
        Integer ongoing = null;
        String counter = null;
        boolean all = false;
        List<String> sentences = new ArrayList<>();
        for (Claim c : claims) {
            sentences.add(c.sentence());
            aspects = aspects != null ? aspects : c.aspects();
            problems = problems != null ? problems : c.problems();
            measures = measures != null ? measures : c.measures();
            total = total != null ? total : c.total();
            if (done == null && c.done() != null) {
                done = c.done();
                counter = c.counter();
            }
            ongoing = ongoing != null ? ongoing : c.ongoing();
            all |= c.all();
        }
        return new Claim(String.join("。", sentences), aspects, problems, measures, total, done, ongoing,
                all && done == null, counter);
    }

    private static Claim sentence(String sentence) {
        Integer aspects = null;
        Integer problems = null;
        Integer measures = null;
        Integer total = null;
        Integer done = null;
        Integer ongoing = null;
        String counter = null;
        boolean all = ALL_DONE.matcher(sentence).find();
        boolean found = false;
        Matcher m = COUNT.matcher(sentence);
        while (m.find()) {
            int n = value(m.group(1));
            if (n < 0 || ordinal(sentence, m.start())) {
                continue;
            }
            String unit = m.group(2);
            String before = clause(sentence.substring(0, m.start()));
            String after = sentence.substring(m.end());
            if (unit.endsWith("方面")) {
                aspects = aspects != null ? aspects : n;
                continue;
            }
            Matcher noun = NOUN_AFTER.matcher(after);
            if (noun.find()) {
                boolean problem = noun.group(1).equals(PROBLEM_NOUN);
                String rest = after.substring(noun.end());
                if (before.endsWith("其中") && DONE_AFTER.matcher(rest).find()) {
                    done = done != null ? done : n;
                    counter = counter != null ? counter : unit;
                } else if (problem) {
                    problems = problems != null ? problems : n;
                } else {
                    measures = measures != null ? measures : n;
                }
                found = true;
                continue;
            }
            if (!BARE_AFTER.matcher(after).find()) {
                continue; // 四个意识, 八项规定, 8个乡镇: a set phrase or another thing counted
            }
            Matcher nounBefore = NOUN_BEFORE.matcher(before);
            if (DONE_BEFORE.matcher(before).find()) {
                done = done != null ? done : n;
                counter = counter != null ? counter : unit;
            } else if (ONGOING_BEFORE.matcher(before).find() || ONGOING_AFTER.matcher(after).find()) {
                ongoing = ongoing != null ? ongoing : n;
            } else if (nounBefore.find()) {
                if (nounBefore.group(1).equals(PROBLEM_NOUN)) {
                    problems = problems != null ? problems : n;
                } else {
                    measures = measures != null ? measures : n;
                }
            } else if (DONE_AFTER.matcher(after).find()) {
                done = done != null ? done : n;
                counter = counter != null ? counter : unit;
            } else if (TOTAL_BEFORE.matcher(before).find()) {
                total = total != null ? total : n;
            } else {
                continue;
            }
            found = true;
        }
        if (!found && !all) {
            return null; // "已全部完成整改" with no figure still claims the whole of last year's measures
        }
        return new Claim(sentence, aspects, problems, measures, total, done, ongoing, all && done == null, counter);
    }

    /** The text of the clause a count stands in, up to it (after the last comma or enumeration mark). */
    private static String clause(String before) {
        int cut = Math.max(Math.max(before.lastIndexOf('，'), before.lastIndexOf('、')), before.lastIndexOf(','));
        return cut < 0 ? before : before.substring(cut + 1);
    }

    /** 第三条, 第1项: an ordinal, not a count. */
    private static boolean ordinal(String sentence, int start) {
        return start > 0 && sentence.charAt(start - 1) == '第';
    }

    /** 13 / １３ / 十三 / 两 → the number; -1 when the run is not one. */
    static int value(String digits) {
        if (Character.isDigit(digits.charAt(0))) {
            int n = 0;
            for (char c : digits.toCharArray()) {
                n = n * 10 + Character.digit(c, 10);
                if (n > 100_000) {
                    return -1;
                }
            }
            return n;
        }
        String s = digits.replace('两', '二');
        int hundred = s.indexOf('百');
        if (hundred >= 0) {
            int h = hundred == 0 ? 1 : ChineseNumerals.parse(s.substring(0, hundred));
            String rest = s.substring(hundred + 1).replace("零", "").replace("〇", "");
            int r = rest.isEmpty() ? 0 : ChineseNumerals.parse(rest.startsWith("十") ? "一" + rest : rest);
            return h < 1 || r < 0 ? -1 : h * 100 + r;
        }
        return ChineseNumerals.parse(s);
    }
}
