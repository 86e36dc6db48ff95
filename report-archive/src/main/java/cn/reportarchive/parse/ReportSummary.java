package cn.reportarchive.parse;

import java.util.List;

/** The Report without its body, as lists show it. */
public record ReportSummary(
        String id,
        String title,
        Integer year,
        String unit,
        String author,
        String post,
        ReportKind kind,
        String meeting,
        String sha256,
        String filename,
        String mediaType,
        boolean ocr,
        List<ReportWarning> warnings) {

    public ReportSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
