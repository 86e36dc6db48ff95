package cn.reportarchive.parse;

/** The one reading of an optional text field (typed, read from a header, a CSV cell, a query parameter). */
public final class Strings {
    private Strings() {
    }

    /** Stripped, and null when nothing is left: a blank unit, author or filter is no unit, author or filter. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
