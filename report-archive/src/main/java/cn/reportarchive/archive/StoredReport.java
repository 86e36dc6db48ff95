package cn.reportarchive.archive;

import cn.reportarchive.parse.Report;

/** A catalog row: the report as last parsed, and what the user gave on import. */
public record StoredReport(Report report, ImportMetadata given, long size, String importedAt) {
}
