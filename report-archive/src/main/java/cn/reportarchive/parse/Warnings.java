package cn.reportarchive.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The warnings a report's fields and structure give by themselves, recomputed whenever the effective
 * report changes (metadata given on import, a correction): a year corrected by a person ends the
 * no-year warning, a re-parse that finds the sections ends no-sections. Warnings only a stage knows
 * (OCR, a placeholder year, a guessed header, an unreadable page) are kept as the stage gave them,
 * except that a year now known settles the placeholder.
 */
public final class Warnings {
    private Warnings() {
    }

    public static Report refresh(Report r) {
        List<ReportWarning> out = new ArrayList<>();
        for (ReportWarning w : r.warnings()) {
            if (derived(w.code())) {
                continue;
            }
            if (w.code() == WarningCode.YEAR_PLACEHOLDER && r.year() != null) {
                continue;
            }
            if (!contains(out, w)) {
                out.add(w);
            }
        }
        boolean placeholder = out.stream().anyMatch(w -> w.code() == WarningCode.YEAR_PLACEHOLDER);
        if (r.year() == null && !placeholder) {
            out.add(ReportWarning.of(WarningCode.NO_YEAR, "没有识别出年度，请核对并补充。"));
        }
        if (r.unit() == null) {
            out.add(ReportWarning.of(WarningCode.NO_UNIT, "没有识别出单位，请核对并补充。"));
        }
        if (r.sections().isEmpty()) {
            out.add(ReportWarning.of(WarningCode.NO_SECTIONS,
                    "没有找到“一、二、三、”等部分，材料结构未能识别，请核对原件。"));
        }
        for (Section s : r.sections()) {
            boolean needsPoints = s.type() == SectionType.PROBLEMS || s.type() == SectionType.MEASURES;
            if (needsPoints && s.blocks().stream().allMatch(b -> b.items().isEmpty() && b.intro().isBlank())) {
                out.add(ReportWarning.of(WarningCode.NO_ITEMS,
                        "“" + s.heading() + "”部分没有找到具体条目，请核对原件。"));
            }
            if (s.type() == SectionType.OTHER) {
                out.add(ReportWarning.of(WarningCode.OTHER_HEADING,
                        "部分标题“" + s.heading() + "”未能归入问题、原因、措施或整改落实情况。"));
            }
            if (needsPoints) {
                for (Block b : s.blocks()) {
                    if (b.heading() != null && AspectTaxonomy.OTHER.equals(b.aspect())) {
                        out.add(ReportWarning.of(WarningCode.OTHER_HEADING,
                                "小标题“" + b.heading() + "”未能归入已知的方面。"));
                    }
                }
            }
        }
        return r.withWarnings(out);
    }

    /** Codes this class computes from the fields, dropped and computed again on every refresh. */
    private static boolean derived(WarningCode code) {
        return code == WarningCode.NO_YEAR || code == WarningCode.NO_UNIT || code == WarningCode.NO_SECTIONS
                || code == WarningCode.NO_ITEMS || code == WarningCode.OTHER_HEADING;
    }

    private static boolean contains(List<ReportWarning> list, ReportWarning w) {
        return list.stream().anyMatch(x -> x.code() == w.code() && x.message().equals(w.message()));
    }
}
