package cn.reportarchive.extract;

import java.util.List;

/**
 * Text as a parser gives it, before normalisation, with the media type detected; whether some of it
 * was read by OCR, and a sentence for each part of the file that could not be read (pages OCR could
 * not make out), which the report carries as warnings.
 */
record RawText(String text, String mediaType, boolean ocr, List<String> unreadable) {
    RawText {
        unreadable = List.copyOf(unreadable);
    }

    RawText(String text, String mediaType) {
        this(text, mediaType, false, List.of());
    }
}
