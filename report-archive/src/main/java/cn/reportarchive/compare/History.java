package cn.reportarchive.compare;

import java.util.List;

/**
 * A unit's (or an author's) problems through all its years: chains of the same problem raised again
 * and again, and per year and aspect how many problems were raised and how many of them were repeats.
 */
public record History(String unit, String author, List<Integer> years, List<Chain> chains, List<YearTrend> trend) {

    /** One problem through the years it was raised; measuresReported: was a measure for it ever reported done. */
    public record Chain(int times, List<Integer> years, boolean measuresReported, List<Link> links) {
    }

    /** One year's statement of the problem; similarity to the statement before it in the chain (null for the first). */
    public record Link(int year, String reportId, String ref, String aspect, String text, Double similarity) {
    }

    public record YearTrend(int year, List<AspectCount> aspects) {
    }

    public record AspectCount(String aspect, String label, int problems, int repeats) {
    }
}
