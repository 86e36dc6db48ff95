package cn.reportarchive.extract.word;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** List labels in each number format, as Word displays them. */
class NumberFormatsTest {
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "chineseCounting, 1, 一",
            "chineseCounting, 9, 九",
            "chineseCounting, 10, 十",
            "chineseCounting, 11, 十一",
            "chineseCounting, 20, 二十",
            "chineseCounting, 21, 二十一",
            "chineseCounting, 99, 九十九",
            "chineseCounting, 101, 一○一",
            "chineseCountingThousand, 3, 三",
            "chineseCountingThousand, 15, 十五",
            "chineseCountingThousand, 100, 一百",
            "chineseCountingThousand, 101, 一百〇一",
            "chineseCountingThousand, 110, 一百一十",
            "chineseCountingThousand, 234, 二百三十四",
            "chineseCountingThousand, 1001, 一千〇一",
            "chineseCountingThousand, 1200, 一千二百",
            "chineseLegalSimplified, 3, 叁",
            "chineseLegalSimplified, 12, 壹拾贰",
            "ideographTraditional, 1, 甲",
            "ideographTraditional, 3, 丙",
            "ideographTraditional, 10, 癸",
            "ideographTraditional, 11, 11",
            "ideographZodiac, 12, 亥",
            "ideographDigital, 10, 一〇",
            "ideographDigital, 2024, 二〇二四",
            "decimal, 7, 7",
            "decimal, 0, 0",
            "decimalZero, 7, 07",
            "decimalZero, 12, 12",
            "decimalEnclosedCircle, 1, ①",
            "decimalEnclosedCircle, 20, ⑳",
            "decimalEnclosedCircle, 21, 21",
            "decimalEnclosedParen, 3, ⑶",
            "decimalEnclosedFullstop, 2, ⒉",
            "ideographEnclosedCircle, 4, ㈣",
            "decimalFullWidth, 12, １２",
            "upperRoman, 4, IV",
            "upperRoman, 14, XIV",
            "lowerRoman, 9, ix",
            "upperLetter, 1, A",
            "upperLetter, 27, AA",
            "lowerLetter, 28, bb",
            "ordinal, 2, 2nd",
            "ordinal, 13, 13th",
            "unknownFormat, 5, 5",
    })
    void rendersAsWordShowsIt(String format, int n, String expected) {
        assertEquals(expected, NumberFormats.render(format, n));
    }

    @ParameterizedTest
    @CsvSource({"none", "bullet"})
    void formatsWithoutANumberRenderNothing(String format) {
        assertEquals("", NumberFormats.render(format, 3));
    }
}
