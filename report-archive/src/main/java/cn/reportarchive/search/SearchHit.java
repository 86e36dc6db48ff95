package cn.reportarchive.search;

/**
 * One matching passage, with what is needed to show it and find its report; {@code ocr} marks a
 * passage read from page images, whose wording may hold recognition errors.
 */
public record SearchHit(String reportId, String title, Integer year, String unit, String author,
                        String section, String aspect, String ref, String text, String snippet, float score,
                        boolean ocr) {
}
