package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of name matching: a unit's short name, abbreviations, the closest names proposed. */
class NamesTest {
    @Test
    void theShortNameIsTheNameWithoutItsPlace() {
        assertEquals("财政局", Names.shortName("临江县财政局"));
        assertEquals("市场监督管理局", Names.shortName("青山区市场监督管理局"));
        assertEquals("发展和改革局", Names.shortName("某某市某某区发展和改革局"));
        assertNull(Names.shortName("云溪镇"), "nothing of two characters is left");
        assertNull(Names.shortName("县委办公室"), "no place before it");
    }

    @Test
    void anAbbreviationHoldsTheNamesCharactersInOrder() {
        assertTrue(Names.inOrder("市场监管局", "青山区市场监督管理局"));
        assertTrue(Names.inOrder("财政局", "临江县财政局"));
        assertFalse(Names.inOrder("局财政", "临江县财政局"));
        assertFalse(Names.inOrder("财政厅", "临江县财政局"));
    }

    @Test
    void theClosestNamesShareTheMostCharactersAndOnlyVisibleOnesAreProposed() {
        Set<String> units = Set.of("临江县财政局", "临江县审计局", "云溪镇", "青山区市场监督管理局");
        assertEquals(List.of("临江县财政局", "临江县审计局"), Names.closest("临江县财政厅", units, u -> true).subList(0, 2));
        assertEquals(List.of("临江县审计局"), Names.closest("临江县财政厅", units, u -> u.contains("审计")));
        assertEquals(List.of(), Names.closest("北京", units, u -> true));
        assertEquals(List.of("周立新"), Names.closest("周立鑫", Set.of("周立新", "王建国"), a -> true));
    }
}
