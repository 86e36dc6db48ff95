package cn.reportarchive.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One parse, one format and one Chinese label for every place a passage can stand. */
class ItemRefTest {
    @Test
    void parsesAndFormatsEveryKindOfPlace() {
        for (String text : List.of("problems/3/2", "problems/3", "problems", "measures/12/10", "preface/1",
                "closing/2", "rectification/1/1", "other/2")) {
            assertEquals(text, ItemRef.parse(text).toString());
        }
        ItemRef item = ItemRef.parse("problems/3/2");
        assertEquals(SectionType.PROBLEMS, item.section());
        assertEquals(3, item.block());
        assertEquals(2, item.item());
        assertEquals(ItemRef.parse("problems/3"), item.blockRef());
        assertTrue(ItemRef.parse("problems/3").isBlock());
        assertFalse(item.isBlock());
        assertFalse(ItemRef.parse("preface/1").isBlock());
    }

    @Test
    void labelsAsThePagesDo() {
        assertEquals("问题（三）第2条", ItemRef.parse("problems/3/2").label());
        assertEquals("措施（十二）", ItemRef.parse("measures/12").label());
        // a block number past 99 once came out as 问题（ 105第1条
        assertEquals("问题（一百零五）第1条", ItemRef.parse("problems/105/1").label());
        assertEquals("问题（一百一十）", ItemRef.parse("problems/110").label());
        // preface paragraphs once came out as preface（一）
        assertEquals("前言第1段", ItemRef.parse("preface/1").label());
        assertEquals("结尾第2段", ItemRef.parse("closing/2").label());
        assertEquals("原因", ItemRef.parse("causes").label());
    }

    @Test
    void refusesWhatIsNoReference() {
        for (String bad : List.of("", "problems/", "problems//2", "problems/x", "problems/0", "problems/1/2/3",
                "nonsense/1", "preface", "preface/1/2", "problems/-1", "problems/３")) {
            assertTrue(ItemRef.tryParse(bad).isEmpty(), bad);
            assertThrows(IllegalArgumentException.class, () -> ItemRef.parse(bad), bad);
        }
    }

    @Test
    void travelsInJsonAsTheString() throws Exception {
        ObjectMapper json = new ObjectMapper();
        record Holder(ItemRef ref) {
        }
        String written = json.writeValueAsString(new Holder(ItemRef.item(SectionType.MEASURES, 2, 4)));
        assertEquals("{\"ref\":\"measures/2/4\"}", written);
        assertEquals(ItemRef.parse("measures/2/4"), json.readValue(written, Holder.class).ref());
    }
}
