package cn.reportarchive.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header line that says who writes, in the forms authors use: 党组书记、局长  张明华 (post then
 * name, with or without the space: the name is found after the last word that ends a post),
 * 张明华（党组书记、局长） (name, post in brackets), 临江县财政局：张明华 (unit, colon, name),
 * 汇报人：张明华, （宁禾县税务局机关第三党支部  胡丽萍）, and a post alone (区委常委、区委宣传部长),
 * which is never a unit. {@code bareName}: the line is a name and nothing else, the weakest clue to the author.
 */
record AuthorLine(String unit, String post, String name, boolean bareName) {
    static final String POST_ENDS = "书记|局长|主任|部长|县长|区长|市长|州长|镇长|乡长|主席|组长|委员|"
            + "院长|校长|所长|经理|董事长|秘书长|检察长|处长|科长|厅长|队长|站长|行长|社长|总监|负责人|成员|常委|干部|主管|馆长|会长"
            + "|党员|主任科员|调研员|专员|理事长|总经理|副职"
            // a branch member writes the professional title: 吴静怡(讲师)
            + "|讲师|教授|教师|医师|护士长|工程师|研究员|辅导员|干事|科员|会计|职员";
    private static final String NAME = "([\\p{IsHan}·]{2,4})";
    private static final Pattern POST_NAME = Pattern.compile("^(.*(?:" + POST_ENDS + "))\\s*" + NAME + "$");
    private static final Pattern NAME_POST = Pattern.compile("^" + NAME + "\\s*[（(]([^（）()]*(?:" + POST_ENDS + "))[）)]$");
    private static final Pattern LABELLED = Pattern.compile(
            "^(?:汇报人|发言人|报告人|检查人|姓名|作者)\\s*[:：]?\\s*(.+)$");
    private static final Pattern UNIT_COLON = Pattern.compile("^([\\p{IsHan}（）()]{3,30}?)\\s*[:：]\\s*(.+)$");
    /** 宁禾县税务局机关第三党支部  胡丽萍: unit, blanks, then the person. */
    private static final Pattern UNIT_SPACE = Pattern.compile("^([\\p{IsHan}（）()]{3,30}?)\\s+(\\S.*)$");
    /** 宁禾县税务局机关第三党支部胡丽萍, the blanks lost on import: the organ word ends the unit. */
    private static final Pattern UNIT_THEN_NAME = Pattern.compile(
            "^([\\p{IsHan}]{2,30}(?:党支部|党总支|党委|党组|党工委|局|委员会|办公室|公司|中心|学院|医院|学校))" + NAME + "$");
    /** （宁禾县税务局机关第三党支部  胡丽萍）: the whole line in brackets. */
    private static final Pattern BRACKETED = Pattern.compile("^[（(](.+)[）)]$");
    private static final Pattern POST_ONLY = Pattern.compile("^[\\p{IsHan}、，,·\\s]{2,40}?(?:" + POST_ENDS + ")$");
    private static final Pattern MEMBER_ONLY = Pattern.compile("^(?:中共|普通|正式|预备)?党员$");
    private static final Pattern NAME_ONLY = Pattern.compile("^" + NAME + "$");
    /** A unit line ends with what names an organ; a name does not. */
    static final Pattern UNIT_WORD = Pattern.compile(
            "(?:局|委|会|组|部|办|院|校|所|厅|处|室|公司|中心|镇|乡|街道|县|市|区|省|州|旗|村|社区|支部|总支|党委|党组|班子|集团|银行|大学|学院|医院|站|队|馆|团)$");

    /**
     * Who writes, from a line below the title, where a unit and a name that import ran together
     * (鹤岭镇岭下村党支部黄德发) are read as well: above the title such a line is more often a unit.
     */
    static AuthorLine readBelowTitle(String line) {
        AuthorLine who = read(line);
        if (who != null) {
            return who;
        }
        Matcher joined = UNIT_THEN_NAME.matcher(line.strip());
        return joined.matches() && plausibleName(joined.group(2)) ? new AuthorLine(joined.group(1), null, joined.group(2))
                : null;
    }

    /** Who writes, from this line, or null when it says nothing of the author. */
    static AuthorLine read(String line) {
        String text = line.strip();
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            // （六个方面） under a title is no name: in brackets, only a line with unit or post counts
            String in = bracketed.group(1).strip();
            AuthorLine inside = readPlain(in);
            if (inside != null && !inside.bareName()) {
                return inside;
            }
            Matcher joined = UNIT_THEN_NAME.matcher(in);
            return joined.matches() && plausibleName(joined.group(2)) ? new AuthorLine(joined.group(1), null, joined.group(2))
                    : null;
        }
        return readPlain(text);
    }

    private static AuthorLine readPlain(String text) {
        Matcher labelled = LABELLED.matcher(text);
        if (labelled.matches()) {
            AuthorLine inner = personOf(labelled.group(1).strip());
            // 汇报人：张明华 says outright that this is the author
            return inner == null ? null : new AuthorLine(inner.unit(), inner.post(), inner.name());
        }
        AuthorLine person = personOf(text);
        if (person != null) {
            return person;
        }
        Matcher colon = UNIT_COLON.matcher(text);
        if (!colon.matches()) {
            colon = UNIT_SPACE.matcher(text);
        }
        if (colon.matches() && UNIT_WORD.matcher(colon.group(1)).find()) {
            AuthorLine after = personOf(colon.group(2).strip());
            if (after != null) {
                return new AuthorLine(colon.group(1), after.post(), after.name());
            }
        }
        return null;
    }

    /** 张明华 / 局长 张明华 / 张明华（局长） / 局长 (post alone). */
    private static AuthorLine personOf(String text) {
        Matcher m = NAME_POST.matcher(text);
        if (m.matches()) {
            return new AuthorLine(null, m.group(2).strip(), m.group(1));
        }
        m = POST_NAME.matcher(text);
        if (m.matches() && plausibleName(m.group(2))) {
            // 党员 陈晓燕: membership, not a post
            String post = MEMBER_ONLY.matcher(m.group(1).strip()).matches() ? null : m.group(1).strip();
            return new AuthorLine(null, post, m.group(2));
        }
        if (POST_ONLY.matcher(text).matches()) {
            return new AuthorLine(null, text, null);
        }
        if (NAME_ONLY.matcher(text).matches() && plausibleName(text)) {
            return new AuthorLine(null, null, text, true);
        }
        return null;
    }

    /** Whether the text is a post alone (区委常委、区委宣传部长): never a unit, never a name. */
    static boolean isPost(String text) {
        return POST_ONLY.matcher(text.strip()).matches();
    }

    /** 县委常委班子 is a post word and 班子, not a post and a name. */
    private static boolean plausibleName(String name) {
        return !name.matches(".*(?:" + POST_ENDS + ")") && !UNIT_WORD.matcher(name).find()
                && !name.matches(".*(?:班子|同志|材料|发言|提纲|检查|对照|剖析|民主|生活会|年度)");
    }

    private AuthorLine(String unit, String post, String name) {
        this(unit, post, name, false);
    }
}
