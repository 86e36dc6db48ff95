package cn.reportarchive.parse;

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
        String mediaType) {
}
