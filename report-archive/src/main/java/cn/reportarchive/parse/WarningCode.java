package cn.reportarchive.parse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the machine could not read, or read with doubt, in a report: each one puts the report on the
 * review queue (待核对). Serialised by key, as INTERFACE.md lists them.
 */
public enum WarningCode implements Keyed {
    /** No year in the title, header or preface. */
    NO_YEAR("no-year"),
    /** The year was written as a placeholder (202X年度): a template filled in carelessly. */
    YEAR_PLACEHOLDER("year-placeholder"),
    /** No unit in the header or title, and none given on import. */
    NO_UNIT("no-unit"),
    /** No numbered section (一、二、三、) found: the structure could not be read. */
    NO_SECTIONS("no-sections"),
    /** A problems or measures section without any point. */
    NO_ITEMS("no-items"),
    /** A section or block heading mapped to no known type or aspect. */
    OTHER_HEADING("other-heading"),
    /** The text was read from page images by OCR. */
    OCR("ocr"),
    /** Unit, title or author taken from a weak clue (the header was guessed). */
    HEADER_GUESSED("header-guessed"),
    /** Some pages or parts of the file could not be read (an OCR page that failed, say). */
    PART_UNREADABLE("part-unreadable"),
    /** Anything else a stage wants a person to look at. */
    OTHER("other");

    private final String key;

    WarningCode(String key) {
        this.key = key;
    }

    @JsonValue
    @Override
    public String key() {
        return key;
    }

    /** An unknown key (written by a later version) reads as OTHER rather than failing. */
    @JsonCreator
    public static WarningCode fromKey(String key) {
        return Keyed.find(values(), key).orElse(OTHER);
    }

    /** Warnings about the header fields, which a correction of the field settles. */
    public boolean isMetadata() {
        return this == NO_YEAR || this == YEAR_PLACEHOLDER || this == NO_UNIT || this == HEADER_GUESSED;
    }
}
