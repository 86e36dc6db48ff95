package cn.reportarchive.archive;

/** What the user says of a file on import (null: not said); it wins over what the text says. */
public record ImportMetadata(String unit, Integer year, String author) {
    public static final ImportMetadata NONE = new ImportMetadata(null, null, null);

    public ImportMetadata {
        unit = blankToNull(unit);
        author = blankToNull(author);
    }

    /** This metadata with every field that {@code explicit} sets taken from it. */
    public ImportMetadata overriddenBy(ImportMetadata explicit) {
        return new ImportMetadata(explicit.unit != null ? explicit.unit : unit,
                explicit.year != null ? explicit.year : year,
                explicit.author != null ? explicit.author : author);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
