package cn.reportarchive.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Team or personal, from who writes, not from what is mentioned: a personal report speaks of the
 * 班子 it belongs to (按照局党组班子的统一安排，本人……), so a 班子 in the preface proves nothing.
 * In order: an author line, or 个人 in the title, is personal; a title whose writer is an organ
 * (…局党组2023年度…, …领导班子…) is a team's; otherwise the voice of the preface and the opening
 * of the body decides: 本人, or 我 standing for one person (not 我们, 我局, 自我), is personal; 我们,
 * or an organ as the subject (班子, 党组, 党委, 常委会), is a team's.
 */
final class KindDecider {
    private static final Pattern ORGAN_WRITER = Pattern.compile(
            "(?:领导班子|班子|党组|党委|常委会|党工委|党总支|总支部?|党支部|支委会|委员会)(?:成员)?$");
    private static final Pattern SINGULAR_I = Pattern.compile(
            "本人|(?<![自你他])我(?![们局县市区镇乡委部院校所厅处办单位司省州旗村社国党军院站队中心行])");
    private static final Pattern PERSONAL_TITLE = Pattern.compile("个人|同志");
    private static final Pattern TEAM_VOICE = Pattern.compile("我们|班子|党组|党委|常委会|党工委");
    /** How much of the body opening is read for the voice, beyond the preface. */
    private static final int VOICE_READ = 1500;

    private KindDecider() {
    }

    /**
     * @param titleWriter the part of the title before its year (中共临江县财政局党组), or null
     * @param unitLine the unit line above the title, or null: a person's report may stand under
     *     its organ's name too, so it counts only when the voice says nothing
     * @param voiceText the preface and the opening of the body
     */
    static ReportKind decide(String title, String titleWriter, String unitLine, boolean hasAuthor, String voiceText) {
        if (hasAuthor || (title != null && PERSONAL_TITLE.matcher(title).find())) {
            return ReportKind.PERSONAL;
        }
        if (title != null && title.contains("班子")) {
            return ReportKind.TEAM;
        }
        if (titleWriter != null && ORGAN_WRITER.matcher(titleWriter.strip()).find()) {
            return ReportKind.TEAM;
        }
        ReportKind voice = fromVoice(voiceText);
        if (voice == ReportKind.PERSONAL) {
            return voice;
        }
        if (unitLine != null && (unitLine.contains("班子") || ORGAN_WRITER.matcher(unitLine.strip()).find())) {
            return ReportKind.TEAM;
        }
        return voice;
    }

    static ReportKind fromVoice(String text) {
        String read = text.substring(0, Math.min(text.length(), VOICE_READ));
        int personal = count(SINGULAR_I, read);
        int team = count(TEAM_VOICE, read);
        if (personal > 0 && personal * 2 >= team) {
            return ReportKind.PERSONAL;
        }
        if (team > 0) {
            return ReportKind.TEAM;
        }
        return personal > 0 ? ReportKind.PERSONAL : ReportKind.UNKNOWN;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
