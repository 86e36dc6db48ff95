package cn.reportarchive.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitNamesTest {
    @ParameterizedTest
    @CsvSource({
            "中共临江县财政局党组, 临江县财政局",
            "临江县财政局党组领导班子, 临江县财政局",
            "中共青山区市场监督管理局党组领导班子, 青山区市场监督管理局",
            "青山区市场监督管理局, 青山区市场监督管理局",
            "中共云溪镇委员会, 云溪镇",
            "中共临江县委常委班子, 临江县委"})
    void reducesWrittenNamesToTheUnit(String written, String canonical) {
        assertEquals(canonical, UnitNames.canonical(written));
    }

    @org.junit.jupiter.api.Test
    void nullStaysNull() {
        assertNull(UnitNames.canonical(null));
    }
}
