package cn.reportarchive.generate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The phrase data expands cleanly: no leftovers of the template language in any slot.
 *
 * <p>This test used to require that the product's parser read every heading, section title, post
 * and header the generator writes as the generator meant it. That made the parser's data grow to
 * fit the generator, and the generated archive's quality figures a measure of the generator. How
 * well the parser reads generated headings is now only measured (GeneratedArchiveParseTest's
 * figures), never required of the product's taxonomy.
 */
class PhraseDataTest {
    private final PhraseBook book = PhraseBook.load();
    private final YearCalendar calendar = YearCalendar.load();

    @Test
    void expansionsLeaveNoTemplateMarks() {
        Composer composer = new Composer(book, calendar);
        UnitRoster roster = new UnitRoster(new Rng(5));
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Unit u = roster.next();
            Track t = roster.tracks(u, 2015, 2025, new Rng(i)).get(0);
            for (int y = 2015; y <= 2025; y += 2) {
                Ctx ctx = composer.context(t, calendar.year(y), new Rng(y));
                for (String slot : book.grammar().slotNames()) {
                    if (slot.startsWith("rect_intro") || slot.equals("intro") || slot.equals("intro_personal")) {
                        continue; // need values the composer adds per block
                    }
                    for (Grammar.Entry e : book.grammar().entries(slot)) {
                        for (int f = 0; f < e.size(); f++) {
                            String s = PhraseBook.field(e, f, new Rng(i * 7919L + y), ctx);
                            if (s.matches(".*[(){}|\\n$#].*") || s.contains("::")) {
                                bad.add(slot + ": " + s);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad.subList(0, Math.min(20, bad.size()))));
        assertFalse(book.grammar().slotNames().isEmpty());
    }
}
