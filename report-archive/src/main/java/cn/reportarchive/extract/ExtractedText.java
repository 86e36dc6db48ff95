package cn.reportarchive.extract;

import java.util.List;

/**
 * Normalised text of one file, the media type Tika detected for it, whether (some of) the text was
 * read from page images by OCR, and one Chinese sentence for each part that could not be read
 * (pages OCR could not make out, pages past the OCR cap): the archive turns each into a
 * {@code part-unreadable} warning.
 */
public record ExtractedText(String text, String mediaType, boolean ocr, List<String> unreadable) {
    public ExtractedText {
        unreadable = List.copyOf(unreadable);
    }

    public ExtractedText(String text, String mediaType, boolean ocr) {
        this(text, mediaType, ocr, List.of());
    }

    public ExtractedText(String text, String mediaType) {
        this(text, mediaType, false);
    }
}
