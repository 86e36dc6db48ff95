package cn.reportarchive.parse;

/** What the top of a report says about it; any field may be null. */
record Header(String title, Integer year, String unit, String author, String post, ReportKind kind, String meeting) {
}
