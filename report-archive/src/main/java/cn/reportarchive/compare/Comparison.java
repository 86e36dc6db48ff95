package cn.reportarchive.compare;

import java.util.List;

/**
 * Two years of one unit (and author) side by side: INTERFACE.md's Compare result. Beyond it,
 * each side has its title, each measure names the problem it answered, and {@code closest} gives
 * every later problem's nearest earlier one even below the repeat threshold (what a reader checks
 * when a repeat was expected and not found). {@code possibleRepeats} is the second tier, for the
 * reader to judge: later problems the same one-to-one matching pairs with an earlier one at the lower
 * {@code possibleThreshold}, none of them in {@code repeats} nor sharing a point with one, in the
 * same record as a repeat (the words and synonyms that matched are what a reader weighs there).
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
        List<Repeat> closest,
        double possibleThreshold,
        List<Repeat> possibleRepeats) {

    /** A comparison without the second tier (a draft's, a test's): no possible repeats. */
    public Comparison(String unit, String author, Side from, Side to, double threshold, List<AspectColumns> aspects,
            List<Repeat> repeats, List<MeasureFollowUp> measures, List<Repeat> closest) {
        this(unit, author, from, to, threshold, aspects, repeats, measures, closest, threshold, List.of());
    }

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
