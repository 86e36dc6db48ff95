package cn.reportarchive.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import cn.reportarchive.archive.UnitDirectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The phrase data says what it means: every heading the generator writes for an aspect is read as
 * that aspect by the shipped taxonomy, every section heading as its section type, every way a
 * team names itself reduces to the unit's name, every post is read as a post; and expansions carry
 * no leftovers of the template language.
 */
class PhraseDataTest {
    private final AspectTaxonomy taxonomy = AspectTaxonomy.defaults();
    private final ReportParser parser = new ReportParser(taxonomy);
    private final PhraseBook book = PhraseBook.load();
    private final YearCalendar calendar = YearCalendar.load();

    @Test
    void yearHeadingsNameTheirAspect() {
        List<String> wrong = new ArrayList<>();
        for (int y : calendar.knownYears()) {
            for (YearCalendar.AspectHeading a : calendar.year(y).aspects()) {
                for (String h : a.headings()) {
                    check(wrong, y + " " + h, h, a.aspect());
                }
            }
        }
        for (YearCalendar.AspectHeading a : calendar.generic()) {
            for (String h : a.headings()) {
                check(wrong, "generic " + h, h, a.aspect());
            }
        }
        for (String aspect : PhraseBook.ASPECTS) {
            for (String core : calendar.measureCores(aspect)) {
                for (String h : List.of("在" + core + "上下功夫", core, "着力" + core, "聚焦" + core + "，抓好整改落实",
                        "针对" + taxonomy.label(aspect) + "方面存在的问题")) {
                    check(wrong, "measure " + h, h, aspect);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.stream().distinct().toList()));
    }

    @Test
    void causeHeadingsNameTheirAspect() {
        List<String> wrong = new ArrayList<>();
        for (String aspect : PhraseBook.ASPECTS) {
            String slot = "cause." + aspect + ".heading";
            if (!book.grammar().has(slot)) {
                continue;
            }
            for (Grammar.Entry e : book.grammar().entries(slot)) {
                for (int i = 0; i < 8; i++) {
                    String h = PhraseBook.field(e, 0, new Rng(i * 31L + e.index()), null);
                    check(wrong, slot + " " + h, h, aspect);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.stream().distinct().toList()));
    }

    private void check(List<String> wrong, String label, String heading, String aspect) {
        String got = taxonomy.classify(heading);
        if (!got.equals(aspect)) {
            wrong.add(label + " -> " + got + " (want " + aspect + ")");
        }
    }

    @Test
    void sectionHeadingsNameTheirType() {
        List<String> wrong = new ArrayList<>();
        Ctx ctx = new Ctx().put("上年", "2022").put("对照", List.of("“六个带头”", "六个方面"));
        String[][] slots = {{"sec_rect", "rectification"}, {"sec_problems", "problems"},
            {"sec_problems_personal", "problems"}, {"sec_problems_named", "problems"}, {"sec_causes", "causes"},
            {"sec_measures", "measures"}, {"sec_prep", "other"}, {"sec_after_personal", "other"},
            {"sec_after", "other"}};
        for (String[] s : slots) {
            for (Grammar.Entry e : book.grammar().entries(s[0])) {
                String h = PhraseBook.field(e, 0, new Rng(e.index()), ctx);
                Report r = parser.parse("标题2023年度民主生活会对照检查材料\n一、" + h + "\n（一）理论学习方面\n1.学习不够。\n");
                String got = r.sections().get(0).type().key();
                if (!got.equals(s[1])) {
                    wrong.add(h + " -> " + got + " (want " + s[1] + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.stream().distinct().toList()));
    }

    @Test
    void everyHeaderFormReducesToTheUnit() {
        UnitRoster roster = new UnitRoster(new Rng(3));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Unit u = roster.next();
            assertEquals(u.name(), UnitDirectory.key(u.name()));
            for (String h : u.headers()) {
                if (!u.name().equals(UnitDirectory.key(h))) {
                    wrong.add(h + " -> " + UnitDirectory.key(h) + " (want " + u.name() + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.stream().distinct().toList()));
    }

    @Test
    void everyPostIsReadAsAPost() {
        UnitRoster roster = new UnitRoster(new Rng(4));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Unit u = roster.next();
            for (String post : u.posts()) {
                Report r = parser.parse(u.name() + "\n2023年度民主生活会个人对照检查材料\n" + post + "  张立新\n"
                        + "按照有关要求，本人认真做好会前准备，现对照检查如下：\n一、存在的问题\n（一）理论学习方面\n1.学习不够。\n");
                if (!"张立新".equals(r.author()) || !post.equals(r.post())) {
                    wrong.add(post + " -> " + r.post() + " / " + r.author());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.stream().distinct().toList()));
    }

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
