package cn.reportarchive.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {
    @Test
    void parsesAndFormatsTheNumbersThatNumberPoints() {
        for (int n = 1; n <= 99; n++) {
            assertEquals(n, ChineseNumerals.parse(ChineseNumerals.format(n)), "n=" + n);
        }
        assertEquals("十二", ChineseNumerals.format(12));
        assertEquals("二十", ChineseNumerals.format(20));
        assertEquals(-1, ChineseNumerals.parse("统一"));
        assertEquals(-1, ChineseNumerals.parse(""));
    }

    @Test
    void parsesYearsWrittenDigitByDigit() {
        assertEquals(2023, ChineseNumerals.parseYear("二〇二三"));
        assertEquals(2024, ChineseNumerals.parseYear("二零二四"));
        assertEquals(-1, ChineseNumerals.parseYear("二〇二"));
    }
}
