package cn.reportarchive.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each year's notice asked for: the meeting, the theme and year-bound wording, and the list
 * of aspects with the headings authors wrote for them (calendar.txt). Years outside the file
 * borrow the nearest year's wording.
 */
public final class YearCalendar {
    /** One aspect block of a year's list: canonical key and the headings written for it. */
    public record AspectHeading(String aspect, List<String> headings) {
    }

    /** One year of the calendar. */
    public record Year(int year, Map<String, List<String>> words, List<AspectHeading> aspects) {
        /** Alternatives of a year-bound word (会议, 主题, 思想 …). */
        public List<String> word(String key) {
            List<String> v = words.get(key);
            if (v == null || v.isEmpty()) {
                throw new IllegalStateException("calendar " + year + " lacks " + key);
            }
            return v;
        }
    }

    private final Map<Integer, Year> years = new LinkedHashMap<>();
    private final List<AspectHeading> generic;
    private final Map<String, List<String>> measureCores = new LinkedHashMap<>();

    private YearCalendar() {
        Map<String, DataFile.Section> sections = DataFile.read("calendar.txt");
        List<AspectHeading> gen = new ArrayList<>();
        for (DataFile.Section s : sections.values()) {
            if (s.name.equals("generic")) {
                gen.addAll(aspectLines(s, "p"));
            } else if (s.name.equals("measure")) {
                for (List<String> line : s.all("m")) {
                    measureCores.put(line.get(0), List.copyOf(line.subList(1, line.size())));
                }
            } else {
                int y = Integer.parseInt(s.name);
                Map<String, List<String>> words = new LinkedHashMap<>();
                for (Map.Entry<String, List<String>> e : s.entries) {
                    if (!e.getKey().equals("p")) {
                        words.put(e.getKey(), List.copyOf(e.getValue()));
                    }
                }
                years.put(y, new Year(y, words, aspectLines(s, "p")));
            }
        }
        this.generic = List.copyOf(gen);
    }

    private static List<AspectHeading> aspectLines(DataFile.Section s, String key) {
        List<AspectHeading> out = new ArrayList<>();
        for (List<String> line : s.all(key)) {
            out.add(new AspectHeading(line.get(0), List.copyOf(line.subList(1, line.size()))));
        }
        return out;
    }

    private static final YearCalendar DEFAULT = new YearCalendar();

    public static YearCalendar load() {
        return DEFAULT;
    }

    /** The year's entry, or the nearest year's wording under this year's number. */
    public Year year(int y) {
        Year exact = years.get(y);
        if (exact != null) {
            return exact;
        }
        int nearest = years.keySet().stream().min((a, b) -> Integer.compare(Math.abs(a - y), Math.abs(b - y)))
                .orElseThrow();
        Year n = years.get(nearest);
        return new Year(y, n.words(), n.aspects());
    }

    public List<Integer> knownYears() {
        return List.copyOf(years.keySet());
    }

    /** Aspect wording of authors who do not follow the year's list. */
    public List<AspectHeading> generic() {
        return generic;
    }

    /** Cores of measure-block headings for an aspect (在……上下功夫). */
    public List<String> measureCores(String aspect) {
        return measureCores.getOrDefault(aspect, List.of("抓好整改落实"));
    }
}
