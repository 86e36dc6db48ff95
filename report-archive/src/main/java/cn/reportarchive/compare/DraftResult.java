package cn.reportarchive.compare;

import cn.reportarchive.parse.Keyed;
import cn.reportarchive.parse.ReportWarning;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A draft checked against the year before: INTERFACE.md's Compare result (its fields at the top
 * level, {@code to.reportId} null: the draft is in no archive), and beside it what was read of the
 * draft, which archived report it was compared with and the earlier measures the draft says
 * nothing about.
 */
public record DraftResult(@JsonUnwrapped Comparison comparison, Draft draft, NotAccounted notAccounted) {

    /** Where the draft's year came from. */
    public enum YearSource implements Keyed {
        GIVEN("given", "按指定的年度"),
        TEXT("text", "按草稿中写明的年度"),
        NEXT("next", "草稿未写明年度，按已存档的最近年度的下一年");

        private final String key;
        private final String label;

        YearSource(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @JsonValue
        @Override
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What was read of the draft: its year and why, the sentence naming the report it was compared
     * with, its counts of points, what could not be read, and the archived report of its own year.
     */
    public record Draft(String filename, String title, Integer year, YearSource yearSource, String yearNote,
            String comparedWith, int problems, int measures, int accounts, List<ReportWarning> warnings,
            Archived sameYear) {
    }

    /** An archived report of the draft's year; {@code identical} when it is the very same file. */
    public record Archived(String reportId, Integer year, String title, boolean identical) {
    }

    /** The earlier measures the draft neither reports on nor restates the problem of. */
    public record NotAccounted(String message, List<Comparison.MeasureFollowUp> measures) {
    }

    static DraftResult of(Comparison c, Draft draft) {
        List<Comparison.MeasureFollowUp> silent = c.measures().stream()
                .filter(m -> m.status() == MeasureStatus.NO_TRACE).toList();
        String message = c.measures().isEmpty()
                ? c.from().year() + " 年的材料中没有识别出整改措施，无从逐条核对。"
                : silent.isEmpty()
                        ? c.from().year() + " 年的 " + c.measures().size() + " 条措施在草稿中都有下文。"
                        : "以下 " + silent.size() + " 条上年措施在草稿中未见下文";
        return new DraftResult(c, draft, new NotAccounted(message, silent));
    }
}
