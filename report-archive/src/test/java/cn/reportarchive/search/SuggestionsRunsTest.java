package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which parts of a query the suggestions may mend: runs of Han characters, never a filter's value. */
class SuggestionsRunsTest {
    @Test
    void hanRunsOfTheWordsAreMendedFiltersAreNot() {
        assertEquals(List.of("形式住义"), Suggestions.runsOf("形式住义"));
        assertEquals(List.of("凝心筑魂", "调研"), Suggestions.runsOf("凝心筑魂 unit:临江县财政局 year：2023 调研"));
        assertEquals(List.of("上访", "信访", "化解"), Suggestions.runsOf("(上访 OR 信访)　化解"));
        assertEquals(List.of("四风"), Suggestions.runsOf("\"四风\" -author:周立新"));
        // one character alone says too little to mend; 5G and numbers are left as typed
        assertEquals(List.of("落实"), Suggestions.runsOf("落实 的 5G 12345"));
    }

    @Test
    void aLongPasteIsLookedAtOnlyInPart() {
        String words = String.join(" ", java.util.Collections.nCopies(20, "调研"));
        assertEquals(6, Suggestions.runsOf(words).size());
        assertEquals(List.of(), Suggestions.runsOf("形式主义".repeat(10)), "a run of 40 characters is no slip to mend");
    }
}
