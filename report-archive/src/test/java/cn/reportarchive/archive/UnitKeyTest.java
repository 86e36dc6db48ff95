package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key a unit name is matched by: the written name without whitespace and the party and team wrappings. */
class UnitKeyTest {
    @ParameterizedTest
    @CsvSource({
            "中共临江县财政局党组, 临江县财政局",
            "临江县财政局党组领导班子, 临江县财政局",
            "中共青山区市场监督管理局党组领导班子, 青山区市场监督管理局",
            "青山区市场监督管理局, 青山区市场监督管理局",
            "中共云溪镇委员会, 云溪镇",
            "中共临江县委常委班子, 临江县委",
            "县委, 县委"})
    void reducesWrittenNamesToTheUnit(String written, String key) {
        assertEquals(key, UnitDirectory.key(written));
    }

    @Test
    void whitespaceOfAnyKindIsNotPartOfAName() {
        // finding 17: a name typed with spaces must meet the name read without them
        for (String written : new String[] {"临江县 财政局", " 临江县财政局 ", "临江县\u3000财政局", "中共 临江县财政局 党组",
                "临江县\u200b财政局", "临江县\t财政局党组领导班子"}) {
            assertEquals("临江县财政局", UnitDirectory.key(written), written);
        }
    }

    @Test
    void aSpaceBetweenLatinWordsStaysAsOne() {
        assertEquals("Linjiang County Finance Bureau", UnitDirectory.key(" Linjiang  County\tFinance Bureau "));
        assertEquals("临江县Finance", UnitDirectory.key("临江县 Finance"));
        assertEquals("' OR '1'='1'; DROP TABLE reports; --", UnitDirectory.key("' OR '1'='1'; DROP TABLE reports; --"));
    }

    @Test
    void blankIsNoNameAndAWrappingAloneStaysItself() {
        assertNull(UnitDirectory.key(null));
        assertNull(UnitDirectory.key(" \u3000 "));
        assertEquals("中共", UnitDirectory.key("中共"));
    }
}
