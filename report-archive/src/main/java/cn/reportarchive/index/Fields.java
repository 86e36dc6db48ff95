package cn.reportarchive.index;

/** Names of the fields of a passage document: the index schema in one place. */
public final class Fields {
    public static final String REPORT_ID = "reportId";
    public static final String REF = "ref";
    public static final String TEXT = "text";
    /** The same text as character pairs, indexed only. */
    public static final String TEXT_GRAMS = "text.cjk";
    public static final String TITLE = "title";
    public static final String YEAR = "year";
    public static final String UNIT = "unit";
    public static final String AUTHOR = "author";
    public static final String KIND = "kind";
    public static final String SECTION = "section";
    public static final String ASPECT = "aspect";
    public static final String HEADING = "heading";
    /** "title" or "heading" on the passage that is the report's title or a heading; absent on running text. */
    public static final String PASSAGE = "passage";
    /** Stored as "1" on the passages of a report read from page images (OCR), absent otherwise. */
    public static final String OCR = "ocr";
    /** Position of the passage in its report, to list a report's passages in order. */
    public static final String ORDINAL = "ordinal";
    /** Length of the passage text in characters: the order of passages in the index (see ReportIndex). */
    public static final String LENGTH = "length";

    /** Fields that are filtered on and counted (facets). */
    public static final String[] FACETS = {YEAR, UNIT, ASPECT, SECTION};

    private Fields() {
    }
}
