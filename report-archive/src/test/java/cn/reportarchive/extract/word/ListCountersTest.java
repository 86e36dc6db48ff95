package cn.reportarchive.extract.word;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counter state machine: levels advance, deeper levels restart, templates take every level. */
class ListCountersTest {
    /** 一、 · （一） · 1. · （1） as a report's multilevel list defines them. */
    private static final List<ListLevel> REPORT = List.of(
            ListLevel.of(0, 1, "chineseCounting", "%1、"),
            ListLevel.of(1, 1, "chineseCounting", "（%2）"),
            ListLevel.of(2, 1, "decimal", "%3."),
            ListLevel.of(3, 1, "decimal", "（%4）"));

    @Test
    void deeperLevelsRestartWhenAHigherLevelAdvances() {
        ListCounters c = new ListCounters();
        List<String> labels = new ArrayList<>();
        for (int level : new int[] {0, 1, 2, 2, 1, 2, 3, 3, 2, 0, 1, 2}) {
            labels.add(c.next("a", REPORT, level));
        }
        assertEquals(List.of("一、", "（一）", "1.", "2.", "（二）", "1.", "（1）", "（2）", "2.", "二、", "（一）", "1."),
                labels);
    }

    @Test
    void aLevelThatNeverRestartsCountsOnAcrossSections() {
        List<ListLevel> levels = List.of(
                ListLevel.of(0, 1, "chineseCounting", "%1、"),
                new ListLevel(1, "decimal", "%2.", 0, false));
        ListCounters c = new ListCounters();
        c.next("a", levels, 0);
        c.next("a", levels, 1);
        c.next("a", levels, 1);
        c.next("a", levels, 0);
        assertEquals("3.", c.next("a", levels, 1));
    }

    @Test
    void multiLevelTemplatesAndLegalNumbering() {
        List<ListLevel> levels = List.of(
                ListLevel.of(0, 1, "chineseCounting", "%1、"),
                ListLevel.of(1, 1, "decimal", "%1.%2"),
                new ListLevel(1, "decimal", "%1.%2.%3", 2, true));
        ListCounters c = new ListCounters();
        assertEquals("一、", c.next("a", levels, 0));
        assertEquals("一.1", c.next("a", levels, 1));
        assertEquals("1.1.1", c.next("a", levels, 2));
        assertEquals("一.2", c.next("a", levels, 1));
    }

    @Test
    void startValuesAndSeparateLists() {
        List<ListLevel> fromThree = List.of(ListLevel.of(0, 3, "decimalEnclosedCircle", "%1"));
        ListCounters c = new ListCounters();
        assertEquals("③", c.next("x", fromThree, 0));
        assertEquals("④", c.next("x", fromThree, 0));
        assertEquals("③", c.next("y", fromThree, 0));
        c.restart("x", 0);
        assertEquals("③", c.next("x", fromThree, 0));
    }

    @Test
    void aLevelReferencedBeforeItIsNumberedShowsItsStart() {
        List<ListLevel> levels = List.of(ListLevel.of(0, 2, "decimal", "%1"), ListLevel.of(1, 1, "decimal", "%1.%2"));
        assertEquals("2.1", new ListCounters().next("a", levels, 1));
    }
}
