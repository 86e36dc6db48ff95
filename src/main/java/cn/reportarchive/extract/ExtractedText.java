package cn.reportarchive.extract;

/**
 * Normalised text of one file, the media type Tika detected for it, and whether (some of) the text
 * was read from page images by OCR.
 */
public record ExtractedText(String text, String mediaType, boolean ocr) {
    public ExtractedText(String text, String mediaType) {
        this(text, mediaType, false);
    }
}
