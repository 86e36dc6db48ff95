package cn.reportarchive.parse;

/** One thing a person should check in a report: a code for filters, one Chinese sentence for people. */
public record ReportWarning(WarningCode code, String message) {
    public ReportWarning {
        if (code == null) {
            code = WarningCode.OTHER;
        }
    }

    public static ReportWarning of(WarningCode code, String message) {
        return new ReportWarning(code, message);
    }
}
