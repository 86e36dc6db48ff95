package cn.reportarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export holds a report's running text only, one passage a line; the index numbers its title and
 * headings too. A match is found on its line by its ordinal less the titles and headings before it.
 */
class TextOrdinalTest {
    @Test
    void titlesAndHeadingsHaveNoLineAndShiftTheTextAfterThem() {
        int[] titleAndHeadings = {0, 3, 4, 7}; // title, two headings in a row, a heading
        List<Long> lines = new ArrayList<>();
        for (long ordinal = 0; ordinal <= 9; ordinal++) {
            lines.add(SearchBench.textOrdinal(titleAndHeadings, ordinal));
        }
        assertEquals(List.of(-1L, 0L, 1L, -1L, -1L, 2L, 3L, -1L, 4L, 5L), lines);
    }

    @Test
    void aReportWithoutTitleOrHeadingsKeepsItsOrdinals() {
        assertEquals(6L, SearchBench.textOrdinal(null, 6));
    }
}
