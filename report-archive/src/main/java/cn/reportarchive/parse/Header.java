package cn.reportarchive.parse;

/**
 * What the top of a report says about it; any field may be null. The two flags are the doubts the
 * header leaves: a year written as a placeholder (202X年度), a unit or author taken from a weak clue.
 */
record Header(String title, Integer year, String unit, String author, String post, ReportKind kind, String meeting,
              boolean yearPlaceholder, boolean guessed) {
}
