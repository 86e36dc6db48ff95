package cn.reportarchive.generate;

import java.util.List;

/**
 * The parts of a report around its body: the header lines (unit, title, post and name, in the
 * forms real materials use, some naming no unit or no author), the preface, and the closing
 * pledge, signature and date.
 */
final class HeaderComposer {
    /** Header lines longer than this are broken by authors onto two lines. */
    private static final int MAX_LINE = 56;
    private static final String[] CN_DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private final PhraseBook book;

    HeaderComposer(PhraseBook book) {
        this.book = book;
    }

    void header(GenReport rep, YearCalendar.Year cal, Rng r) {
        String meetingWords = r.pick(cal.word("标题会议"));
        String year = yearWords(rep.year, r);
        if (rep.track.team()) {
            team(rep, cal, meetingWords, year, r);
        } else {
            personal(rep, cal, meetingWords, year, r);
        }
        rep.meeting = meeting(rep.title);
    }

    private static String yearWords(int year, Rng r) {
        double x = r.nextDouble();
        if (x < 0.85) {
            return year + "年度";
        }
        if (x < 0.97) {
            return year + "年";
        }
        StringBuilder s = new StringBuilder();
        for (char c : String.valueOf(year).toCharArray()) {
            s.append(CN_DIGITS[c - '0']);
        }
        return s + "年度";
    }

    private void team(GenReport rep, YearCalendar.Year cal, String meeting, String year, Rng r) {
        Unit u = rep.unit();
        String suffix = r.pick(List.of("对照检查材料", "对照检查材料", "对照检查材料", "班子对照检查材料",
                "领导班子对照检查材料", "对照检查发言材料"));
        String organ = r.pick(u.headers());
        int form = r.weighted(40, 15, 30, 5, 5, 5);
        String bare = year + meeting + suffix;
        switch (form) {
            case 1 -> { // unit line, and the unit again in the title
                String inTitle = r.pick(u.headers());
                String title = inTitle.startsWith("中共") ? inTitle.substring(2) + year + meeting + suffix
                        : inTitle + year + meeting + suffix;
                lines(rep, organ, title.length() <= MAX_LINE ? title : bare);
            }
            case 2 -> { // the title alone names the unit
                String title = organ + year + meeting + suffix;
                if (title.length() <= MAX_LINE) {
                    lines(rep, null, title);
                } else {
                    lines(rep, organ, bare);
                }
            }
            case 3 -> { // a title that names no unit: the importer is told the unit
                String title = r.chance(0.5) ? "领导班子" + year + meeting + "对照检查材料"
                        : year + meeting + "领导班子对照检查材料";
                lines(rep, null, title);
                rep.unitInText = false;
                return;
            }
            case 4 -> lines(rep, organ, "关于" + year + meeting + "对照检查情况的报告");
            default -> lines(rep, organ, bare);
        }
        rep.unitInText = true;
    }

    private void personal(GenReport rep, YearCalendar.Year cal, String meeting, String year, Rng r) {
        Unit u = rep.unit();
        Person p = rep.author();
        // a person's report is headed by the unit or its party body, never by "领导班子"
        List<String> organs = u.headers().stream().filter(h -> !h.contains("班子")).toList();
        String unitLine = r.chance(0.7) || organs.isEmpty() ? u.name() : r.pick(organs);
        String suffix = r.pick(List.of("个人对照检查材料", "个人对照检查材料", "个人对照检查材料", "个人对照检查发言材料",
                "个人检视剖析材料"));
        String title = year + meeting + suffix;
        String authorLine = authorLine(p, r);
        int form = r.weighted(50, 10, 10, 5, 5, 10, 10);
        rep.unitInText = true;
        rep.authorInText = true;
        switch (form) {
            case 1 -> {
                lines(rep, unitLine, title, p.name());
                return;
            }
            case 2 -> {
                lines(rep, null, title, authorLine);
                rep.unitInText = false;
            }
            case 3 -> {
                lines(rep, unitLine, title, "发言人：" + p.name());
                return;
            }
            case 4 -> {
                String bareYear = rep.year + (r.chance(0.5) ? "" : "年度");
                String against = r.pick(cal.word("对照"));
                lines(rep, null, "领导干部" + bareYear + meeting + "（" + against + "）对照检查材料");
                rep.unitInText = false;
                rep.authorInText = false;
                return;
            }
            case 5 -> {
                lines(rep, unitLine, title);
                rep.authorInText = false;
                return;
            }
            case 6 -> lines(rep, organs.isEmpty() ? u.name() : r.pick(organs),
                    year + meeting + r.pick(List.of("对照检查材料", suffix)), authorLine);
            default -> lines(rep, unitLine, title, authorLine);
        }
        rep.postAsWritten = p.post();
    }

    private static String authorLine(Person p, Rng r) {
        String gap = r.pick(List.of("  ", "  ", " ", "", "\u3000\u3000", "\t"));
        return p.post() + gap + p.name();
    }

    private static void lines(GenReport rep, String unitLine, String title, String... more) {
        if (unitLine != null) {
            rep.header.add(unitLine);
        }
        rep.header.add(title);
        rep.title = title;
        rep.header.addAll(List.of(more));
    }

    /** The meeting a title names, as the parser reads it (the earliest, longest name). */
    static String meeting(String title) {
        String best = null;
        int at = Integer.MAX_VALUE;
        for (String m : List.of("专题民主生活会", "民主生活会", "专题组织生活会", "组织生活会")) {
            int i = title.indexOf(m);
            if (i >= 0 && i < at) {
                at = i;
                best = m;
            }
        }
        return best;
    }

    void preface(GenReport rep, Ctx ctx, Rng r) {
        boolean team = rep.track.team();
        String body = book.expand(team ? "preface_team" : "preface_personal", r, ctx);
        String end = book.expand(team || r.chance(0.4) ? "preface_end" : "preface_end_personal", r, ctx);
        if (r.chance(0.5)) {
            rep.preface.add(body + end);
        } else if (r.chance(0.5) && body.contains("。")) {
            // the preparation told in two paragraphs
            int cut = body.indexOf("。") + 1;
            rep.preface.add(body.substring(0, cut));
            if (cut < body.length()) {
                rep.preface.add(body.substring(cut));
            }
            rep.preface.add(end);
        } else {
            rep.preface.add(body);
            rep.preface.add(end);
        }
    }

    void closing(GenReport rep, Ctx ctx, Rng r) {
        if (r.chance(0.72)) {
            if (r.chance(0.12)) {
                rep.closing.add(book.expand("pledge_other", r, ctx));
                rep.unusualPledge = true;
            } else {
                rep.closing.add(book.expand("pledge", r, ctx));
                if (r.chance(0.1)) {
                    rep.closing.add(book.expand("pledge", r, ctx));
                }
            }
        }
        if (r.chance(0.6)) {
            rep.closing.add(rep.track.team() ? rep.unit().headers().get(0) : rep.author().name());
        }
        if (r.chance(0.65)) {
            int y = rep.year + 1;
            int m = r.between(1, 2);
            int d = r.between(1, 28);
            if (r.chance(0.15)) {
                rep.closing.add(chineseDate(y, m, d));
            } else {
                rep.closing.add(y + "年" + m + "月" + d + "日");
            }
        }
    }

    private static String chineseDate(int y, int m, int d) {
        StringBuilder s = new StringBuilder();
        for (char c : String.valueOf(y).toCharArray()) {
            s.append(CN_DIGITS[c - '0']);
        }
        return s + "年" + ItemStyle.chinese(m) + "月" + (d <= 10 ? ItemStyle.chinese(d)
                : d < 20 ? "十" + (d % 10 == 0 ? "" : CN_DIGITS[d % 10])
                : CN_DIGITS[d / 10] + "十" + (d % 10 == 0 ? "" : CN_DIGITS[d % 10])) + "日";
    }
}
