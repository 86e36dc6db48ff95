package cn.reportarchive.extract.ocr;

import java.util.List;

/**
 * A file's text with the pages read by OCR in it, and one Chinese sentence for each kind of page
 * problem (blank, illegible, timed out, over the cap), naming the pages.
 */
public record OcrResult(String text, int pagesRead, List<String> problems) {
}
