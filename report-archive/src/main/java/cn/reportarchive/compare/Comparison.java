package cn.reportarchive.compare;

import java.util.List;

/**
 * Two years of one unit (and author) side by side: INTERFACE.md's Compare result. Beyond it,
 * each side has its title, each measure names the problem it answered, and {@code closest} gives
 * every later problem's nearest earlier one even below the repeat threshold (what a reader checks
 * when a repeat was expected and not found).
 */
public record Comparison(
        String unit,
        String author,
        Side from,
        Side to,
        double threshold,
        List<AspectColumns> aspects,
        List<Repeat> repeats,
        List<MeasureFollowUp> measures,
        List<Repeat> closest) {

    public record Side(String reportId, int year, String title) {
    }

    public record AspectColumns(String aspect, String label, Column from, Column to) {
    }

    public record Column(List<PointText> problems, List<PointText> measures) {
    }

    public record PointText(String ref, String text) {
    }

    public record AspectPoint(String ref, String aspect, String text) {
    }

    /**
     * A later problem and the earlier one it restates: {@code shared} the runs of text both have,
     * {@code matched} the words both use and the synonyms that met ({@code 过度/过于}: earlier, later).
     */
    public record Repeat(AspectPoint to, AspectPoint from, double similarity, List<String> shared, List<String> matched) {
        public Repeat(AspectPoint to, AspectPoint from, double similarity, List<String> shared) {
            this(to, from, similarity, shared, List.of());
        }
    }

    public record Evidence(String ref, String text, double similarity) {
    }

    public record MeasureFollowUp(PointText measure, String aspect, String answers, MeasureStatus status,
            List<Evidence> evidence) {
    }
}
