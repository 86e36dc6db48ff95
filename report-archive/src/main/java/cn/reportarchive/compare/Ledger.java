package cn.reportarchive.compare;

import cn.reportarchive.compare.Comparison.Evidence;
import java.util.List;

/**
 * The 整改台账 of one report: each of its measures with the problem it answers and, where the next
 * year's report is archived ({@code next} not null), what became of it there. The columns a leader
 * fills in (责任人, 完成时限) are not data and are left to the files written from it.
 */
public record Ledger(String unit, String author, int year, String reportId, String title, Comparison.Side next,
        List<Row> rows) {

    public Ledger {
        rows = List.copyOf(rows);
    }

    /**
     * One measure: {@code n} counts from 1; {@code problemRef}/{@code problem} null when the measure
     * answers no single problem; {@code status} null when the next year is not archived;
     * {@code evidence} the passage of the next report the status rests on, or null.
     */
    public record Row(int n, String aspect, String aspectLabel, String problemRef, String problem, String measureRef,
            String measure, MeasureStatus status, Evidence evidence) {
    }
}
