package cn.reportarchive.export;

import cn.reportarchive.compare.MeasureStatus;
import cn.reportarchive.export.WordDocument.Rich;

/** What the Word exports share: the colours of the measure statuses and of the repeats' badges. */
final class WordExports {
    /** The pages' pair colours (compare.js), dark enough to read as text. */
    private static final String[] PAIR_COLORS = {"B3261E", "1F5FA8", "2E7D32", "8E44AD", "C26A00", "00796B", "AD1457",
        "5D4037", "3949AB", "827717"};
    static final String BAND = "EDEDED";

    private WordExports() {
    }

    static String statusColor(MeasureStatus s) {
        return switch (s) {
            case REPORTED -> "2E7D32";
            case RECURRED -> "B3261E";
            case NO_TRACE -> "616161";
        };
    }

    static String pairColor(int n) {
        return PAIR_COLORS[(n - 1) % PAIR_COLORS.length];
    }

    /** The legend printed under a title: what each status says. */
    static Rich statusLegend() {
        Rich legend = Rich.of("措施落实情况：");
        legend.colored(MeasureStatus.REPORTED.label(), statusColor(MeasureStatus.REPORTED)).text("——后一年材料的整改落实情况写到了这条措施；");
        legend.colored(MeasureStatus.RECURRED.label(), statusColor(MeasureStatus.RECURRED)).text("——它针对的问题后一年又被查摆；");
        legend.colored(MeasureStatus.NO_TRACE.label(), statusColor(MeasureStatus.NO_TRACE)).text("——两者都没有。");
        return legend;
    }
}
