package cn.reportarchive.extract.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What OCR made of one page: its text, or why it has none. A page is read when it has at least
 * {@link #MIN_CHARACTERS} letters and digits, tesseract was, on average over its characters, at
 * least {@link #MIN_CONFIDENCE} sure of them, and they account for the ink on the page
 * ({@link #MIN_YIELD}); otherwise it saw a blank page, a photo, a table held at an angle, and what it
 * "read" is noise or fragments that must not become points of a report.
 */
public record OcrPage(String text, Status status) {
    /** Fewer letters than this is a blank page, a stamp or a page number alone. */
    static final int MIN_CHARACTERS = 10;
    /**
     * Tesseract's word confidence (0–100), averaged over letters and digits. Measured on page 1 of
     * formats/report.pdf at 200 dpi with noise: turned 1° or 1.5° it read at 93 (1,255 characters, a
     * handful wrong); turned 8° (a photo held askew) at 57, and its 446 "characters" were noise;
     * turned 20° it found nothing at all.
     */
    static final double MIN_CONFIDENCE = 65;
    /**
     * Characters read per dark pixel, at the least. A 12-pt character at 200 dpi has about 200 dark
     * pixels, at 300 dpi (a phone photo of A4) about 450, a 22-pt title character at 300 dpi about
     * 1,500: a page of text yields one character per 200–1,500. Page 1 of formats/report.pdf read
     * upright yielded one per 210; turned 8°, tesseract (orientation detection on) still found 70
     * characters at confidence 62, one per 3,800 dark pixels: most of what is on the page was not read.
     */
    static final double MIN_YIELD = 1.0 / 2000;
    /**
     * A page number as OCR sees it: the dashes around "— 3 —" often come out as 一 or _, and "第 3 页"
     * with stray spaces. Only the first and last lines of a page are checked.
     */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–－一_~·.\\s]*\\d{1,4}[-—–－一_~·.\\s]*|第\\s*\\d+\\s*页(\\s*[,，/]?\\s*共\\s*\\d+\\s*页)?|\\d+\\s*/\\s*\\d+");

    public enum Status {
        READ,
        /** Nothing on the page that looks like text. */
        BLANK,
        /** Marks tesseract could not make out: a photo, a table at an angle, a page too faint. */
        ILLEGIBLE,
        /** Tesseract did not finish within the page's time. */
        TIMED_OUT,
        /** Past the cap on pages read per file. */
        OVER_CAP
    }

    /** The page tesseract read into these lines; {@code inkPixels} dark pixels on it, or 0 when not known. */
    static OcrPage of(List<TsvWords.Line> lines, long inkPixels) {
        List<TsvWords.Line> kept = new ArrayList<>(lines);
        if (!kept.isEmpty() && PAGE_NUMBER.matcher(kept.get(kept.size() - 1).text()).matches()) {
            kept.remove(kept.size() - 1);
        }
        if (!kept.isEmpty() && PAGE_NUMBER.matcher(kept.get(0).text()).matches()) {
            kept.remove(0);
        }
        StringBuilder text = new StringBuilder();
        for (String line : OcrLines.mend(kept.stream().map(TsvWords.Line::text).toList())) {
            text.append(line).append('\n');
        }
        if (ScanReader.letters(text.toString()) < MIN_CHARACTERS) {
            return new OcrPage("", Status.BLANK);
        }
        if (confidence(kept) < MIN_CONFIDENCE
                || inkPixels > 0 && ScanReader.letters(text.toString()) < MIN_YIELD * inkPixels) {
            return new OcrPage("", Status.ILLEGIBLE);
        }
        return new OcrPage(text.toString(), Status.READ);
    }

    static OcrPage without(Status status) {
        return new OcrPage("", status);
    }

    /** The mean confidence tesseract gave the letters and digits of these lines. */
    static double confidence(List<TsvWords.Line> lines) {
        long characters = 0;
        double weighted = 0;
        for (TsvWords.Line line : lines) {
            for (TsvWords.Word w : line.words()) {
                long n = w.text().codePoints().filter(Character::isLetterOrDigit).count();
                characters += n;
                weighted += n * w.confidence();
            }
        }
        return characters == 0 ? 0 : weighted / characters;
    }
}
