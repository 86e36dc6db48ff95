package cn.reportarchive.parse;

import java.util.regex.Pattern;

/** Section heading wording to section type. Order matters: 存在问题的原因分析 is about causes. */
final class SectionClassifier {
    private static final Pattern PREVIOUS = Pattern.compile("上一?年度?|上次|上一次|前次|去年|上届|上年");
    private static final Pattern DONE = Pattern.compile("整改|落实|措施");
    private static final Pattern ACCOUNT = Pattern.compile("(?:落实|完成|整改|兑现)情况");
    private static final Pattern CAUSES = Pattern.compile("原因|根源|根子|症结|剖析");
    private static final Pattern MEASURES = Pattern.compile("措施|努力方向|改进|整改方向|下一步|今后|打算|方向");
    private static final Pattern PROBLEMS = Pattern.compile("问题|不足|差距|查摆|检视|短板");

    private SectionClassifier() {
    }

    static SectionType classify(String heading) {
        if ((PREVIOUS.matcher(heading).find() && DONE.matcher(heading).find()) || ACCOUNT.matcher(heading).find()) {
            return SectionType.RECTIFICATION;
        }
        if (CAUSES.matcher(heading).find()) {
            return SectionType.CAUSES;
        }
        if (MEASURES.matcher(heading).find()) {
            return SectionType.MEASURES;
        }
        if (PROBLEMS.matcher(heading).find()) {
            return SectionType.PROBLEMS;
        }
        if (heading.contains("整改")) {
            return SectionType.RECTIFICATION;
        }
        return SectionType.OTHER;
    }
}
