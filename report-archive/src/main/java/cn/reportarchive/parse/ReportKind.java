package cn.reportarchive.parse;

import com.fasterxml.jackson.annotation.JsonValue;

/** A leadership team's report, one person's, or not said. */
public enum ReportKind {
    TEAM("team"), PERSONAL("personal"), UNKNOWN("unknown");

    private final String key;

    ReportKind(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public static ReportKind fromKey(String key) {
        for (ReportKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        return UNKNOWN;
    }
}
