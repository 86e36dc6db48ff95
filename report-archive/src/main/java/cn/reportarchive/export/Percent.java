package cn.reportarchive.export;

/**
 * A share or a similarity (0.52) in an export cell: a number formatted as a percentage in .xlsx (it
 * still sorts and sums), "52%" in .csv and .docx, as the pages show it.
 */
public record Percent(double value) {

    public static Percent of(Double value) {
        return value == null ? null : new Percent(value);
    }

    /** The value within 0..1, as a cell holds it: an evidence score above 1 is shown as 100%, as in text. */
    public double bounded() {
        return Math.max(0, Math.min(1, value));
    }

    /** 52%; "<1%" for a share above 0 that rounds to none, as 查重 shows it. */
    public String text() {
        long pct = Math.max(0, Math.min(100, Math.round(value * 100)));
        return pct == 0 && value > 0 ? "<1%" : pct + "%";
    }

    @Override
    public String toString() {
        return text();
    }
}
