package cn.reportarchive.archive;

/** What the user says of a file on import (null: not said); it wins over what the text says. */
public record ImportMetadata(String unit, Integer year, String author) {
    public static final ImportMetadata NONE = new ImportMetadata(null, null, null);

    public ImportMetadata {
        unit = blankToNull(unit);
        author = blankToNull(author);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
