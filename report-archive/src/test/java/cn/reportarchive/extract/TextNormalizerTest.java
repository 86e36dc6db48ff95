package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spaces, blanks and line breaks, for text that is not hard-wrapped (Word, WPS, plain text). */
class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    private String normalize(String raw) {
        return normalizer.normalize(raw, false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            领导干部 2022 民主生活会（六个方面）对照检查材料 | 领导干部2022民主生活会（六个方面）对照检查材料
            2025 年 1 月 20 日                            | 2025年1月20日
            征求意见建议  28  条，全部原汁原味反馈班子成员      | 征求意见建议28条，全部原汁原味反馈班子成员
            推行 PDCA 闭环管理，提高财政资金使用效益          | 推行PDCA闭环管理，提高财政资金使用效益
            上年度查摆的 6 个方面 18 个问题逐项制定整改措施     | 上年度查摆的6个方面18个问题逐项制定整改措施
            """)
    void dropsSpacesAroundDigitsAndLatinBetweenChinese(String raw, String expected) {
        assertEquals(expected, normalize(raw));
    }

    @Test
    void dropsStraySpacesInsideCurlyQuotes() {
        assertEquals("增强“四个意识”、坚定“四个自信”、做到“两个维护”",
                normalize("增强“ 四个意识”、坚定“四个自信 ”、做到“ 两个维护 ”"));
    }

    @Test
    void keepsOneSpaceBetweenLatinWordsAndNumbers() {
        assertEquals("推广使用WPS Office 2019办公软件", normalize("推广使用 WPS   Office 2019 办公软件"));
    }

    @Test
    void fullWidthSpacesAndNoBreakSpacesCountAsSpaces() {
        assertEquals("会前，局党组征求意见建议28条", normalize("\u3000\u3000会前，局党组\u3000征求意见建议\u00A028\u00A0条"));
        assertEquals("WPS Office", normalize("WPS\u3000Office"));
        assertEquals("WPS Office", normalize("WPS\u00A0Office"));
    }

    @Test
    void dropsZeroWidthCharactersAndByteOrderMarks() {
        assertEquals("中共临江县财政局党组\n坚定“四个自信”",
                normalize("\uFEFF中共临江县\u200B财政局\u200C党组\n坚定“四个\u200D自\u2060信”"));
    }

    @Test
    void windowsAndOldMacLineBreaksBecomeNewlinesAndBlankLinesGo() {
        assertEquals("一、存在的问题\n（一）理论学习方面\n1.学习领会还不够深入。\n2.研究谋划不够。",
                normalize("一、存在的问题\r\n（一）理论学习方面\r\n\r\n  \r\n1.学习领会还不够深入。\r2.研究谋划不够。\r\n"));
    }

    @Test
    void tabsBetweenChineseAreDropped() {
        assertEquals("党组书记、局长某某某", normalize("党组书记、局长\t\t某某某"));
    }

    @Test
    void linesAreNotJoinedWhenTheTextIsNotHardWrapped() {
        // In a Word file every line is a paragraph, however long and however it ends.
        String raw = "（三）针对改进工作作风、力戒形式主义官僚主义方面的问题，切实为基层减负松绑\n"
                + "从严控制发文数量和会议规模，能合并的文件一律合并，能套开的会议一律套开";
        assertEquals(raw, normalize(raw));
    }
}
