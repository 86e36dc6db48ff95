package cn.reportarchive.extract.ocr;

import java.io.IOException;

/**
 * Asked before each page is OCR'd. In a parser process it tells the archive which page starts and
 * waits for its turn: the archive shows the progress, bounds how many pages are read at once across
 * all its parser processes and gives each page its own deadline. Throws when the page must not start
 * (the archive is closing, or is gone).
 */
@FunctionalInterface
public interface PageGate {
    PageGate OPEN = (page, pages) -> {
    };

    /** Page {@code page} (1-based) of the {@code pages} this file will have OCR'd is about to start. */
    void enter(int page, int pages) throws IOException, InterruptedException;
}
