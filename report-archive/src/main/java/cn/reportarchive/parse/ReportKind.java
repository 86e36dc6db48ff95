package cn.reportarchive.parse;

import com.fasterxml.jackson.annotation.JsonValue;

/** A leadership team's report, one person's, or not said. */
public enum ReportKind implements Keyed {
    TEAM("team"), PERSONAL("personal"), UNKNOWN("unknown");

    private final String key;

    ReportKind(String key) {
        this.key = key;
    }

    @JsonValue
    @Override
    public String key() {
        return key;
    }

    /** An unknown or missing key reads as UNKNOWN. */
    public static ReportKind fromKey(String key) {
        return Keyed.find(values(), key).orElse(UNKNOWN);
    }
}
