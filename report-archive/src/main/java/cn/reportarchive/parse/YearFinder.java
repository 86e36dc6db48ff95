package cn.reportarchive.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year a report is for. The title says it (2023年度…, 二〇二三年…); when it does not, the header
 * lines, and then the preface, which names the meeting it prepares for (按照开好2024年度民主生活会的
 * 要求): a year followed by 年度, or a year close before the meeting's name, not any year the
 * preface happens to cite (2022年以来…). A year written as a placeholder (202X年度, 20XX年, ____年度)
 * is a template filled in carelessly: the year is unknown, and the header says so. Last, the
 * signature's date.
 */
final class YearFinder {
    private static final Pattern DIGITS = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern BARE = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern CHINESE = Pattern.compile("([〇○零一二三四五六七八九]{4})\\s*年");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?:(?:19|20|２０)(?:[XxＸｘ×*＊○][\\dXxＸｘ×*＊○]|\\d[XxＸｘ×*＊○])|[_＿]{2,})\\s*年");
    private static final Pattern PREFACE_YEAR_OF = Pattern.compile("((?:19|20)\\d{2})\\s*年度");
    private static final Pattern PREFACE_CHINESE_YEAR_OF = Pattern.compile("([〇○零一二三四五六七八九]{4})\\s*年度");
    private static final Pattern PREFACE_MEETING = Pattern.compile(
            "((?:19|20)\\d{2})\\s*年[^。；，]{0,20}?(?:民主生活会|组织生活会)");
    private static final Pattern SIGNATURE_DATE = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月");
    /** A report signed in this month or earlier is for the year before. */
    private static final int LAST_MONTH_FOR_THE_YEAR_BEFORE = 6;
    /** Only the opening of the preface names the meeting; later sentences cite other years. */
    private static final int PREFACE_READ = 400;

    private YearFinder() {
    }

    /** The year written in this text (2023年, 二〇二三年, a bare 2023), or null. */
    static Integer year(String text) {
        Matcher m = DIGITS.matcher(text);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = CHINESE.matcher(text);
        if (m.find()) {
            int y = ChineseNumerals.parseYear(m.group(1));
            return y > 0 ? y : null;
        }
        m = BARE.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    /** Whether the text writes its year as a placeholder (202X年度) and no real year before it. */
    static boolean placeholder(String text) {
        Matcher p = PLACEHOLDER.matcher(text);
        if (!p.find()) {
            return false;
        }
        Matcher real = DIGITS.matcher(text);
        return !real.find() || real.start() > p.start();
    }

    /**
     * The year a signature date implies: the meetings for a year are held from its autumn to the
     * next spring, so a report signed 2019年12月 is for 2019 and one signed 2019年1月 for 2018.
     * The last date in the closing is the signature's.
     */
    static Integer fromSignature(List<String> closing) {
        Integer year = null;
        for (String line : closing) {
            Matcher m = SIGNATURE_DATE.matcher(line);
            if (m.find()) {
                int y = Integer.parseInt(m.group(1));
                int month = Integer.parseInt(m.group(2));
                year = month <= LAST_MONTH_FOR_THE_YEAR_BEFORE ? y - 1 : y;
            }
        }
        return year;
    }

    /** The year of the meeting the preface prepares for, or null. */
    static Integer fromPreface(List<String> preface) {
        String text = String.join("", preface);
        text = text.substring(0, Math.min(text.length(), PREFACE_READ));
        Matcher m = PREFACE_YEAR_OF.matcher(text);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = PREFACE_MEETING.matcher(text);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = PREFACE_CHINESE_YEAR_OF.matcher(text);
        int y = m.find() ? ChineseNumerals.parseYear(m.group(1)) : -1;
        return y > 0 ? y : null;
    }
}
