package cn.reportarchive.search;

import java.util.List;

/**
 * One matching passage, with what is needed to show it and find its report; {@code ocr} marks a
 * passage read from page images, whose wording may hold recognition errors. Beyond INTERFACE.md's
 * fields: {@code passage} says whether it is running text, a heading or the report's title;
 * {@code related} the related words that found it when it lacks the word typed (上访 typed, 信访
 * found), empty for a literal hit; {@code matchedName} the name typed that is this report's unit or
 * author, when the passage was found through that alone (周立新 typed: his reports' titles).
 */
public record SearchHit(String reportId, String title, Integer year, String unit, String author,
                        String section, String aspect, String ref, String text, String snippet, float score,
                        boolean ocr, String passage, List<String> related, String matchedName) {
    public SearchHit {
        passage = passage == null ? "text" : passage;
        related = related == null ? List.of() : List.copyOf(related);
    }

    public SearchHit(String reportId, String title, Integer year, String unit, String author,
                     String section, String aspect, String ref, String text, String snippet, float score,
                     boolean ocr) {
        this(reportId, title, year, unit, author, section, aspect, ref, text, snippet, score, ocr, null, null, null);
    }

    public SearchHit withPassage(String kind) {
        return new SearchHit(reportId, title, year, unit, author, section, aspect, ref, text, snippet, score, ocr,
                kind, related, matchedName);
    }

    public SearchHit withMarks(List<String> relatedWords, String name) {
        return new SearchHit(reportId, title, year, unit, author, section, aspect, ref, text, snippet, score, ocr,
                passage, relatedWords, name);
    }
}
