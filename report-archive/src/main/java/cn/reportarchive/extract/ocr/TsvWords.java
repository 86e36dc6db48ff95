package cn.reportarchive.extract.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Tesseract's TSV answer as lines of words with their confidences. Columns: level, page, block,
 * paragraph, line, word, left, top, width, height, conf, text; a word is level 5. A line starts a
 * paragraph when its block or paragraph number differs from the line before.
 */
public final class TsvWords {
    private static final int WORD_LEVEL = 5;
    private static final int COLUMNS = 12;

    private TsvWords() {
    }

    public record Word(String text, double confidence) {
    }

    public record Line(boolean startsParagraph, List<Word> words) {
        public String text() {
            StringBuilder s = new StringBuilder();
            for (Word w : words) {
                if (!s.isEmpty()) {
                    s.append(' ');
                }
                s.append(w.text());
            }
            return s.toString();
        }
    }

    static List<Line> parse(List<String> tsv) {
        List<Line> lines = new ArrayList<>();
        String lineKey = null;
        String paragraphKey = null;
        List<Word> words = null;
        boolean starts = false;
        for (String row : tsv) {
            String[] c = row.split("\t", -1);
            if (c.length < COLUMNS || !c[0].equals(Integer.toString(WORD_LEVEL))) {
                continue; // the header, and the page, block, paragraph and line rows
            }
            String text = c[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            double confidence;
            try {
                confidence = Double.parseDouble(c[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            String paragraph = c[1] + "/" + c[2] + "/" + c[3];
            String line = paragraph + "/" + c[4];
            if (!line.equals(lineKey)) {
                if (words != null) {
                    lines.add(new Line(starts, List.copyOf(words)));
                }
                starts = !paragraph.equals(paragraphKey);
                words = new ArrayList<>();
                lineKey = line;
                paragraphKey = paragraph;
            }
            words.add(new Word(text, confidence));
        }
        if (words != null) {
            lines.add(new Line(starts, List.copyOf(words)));
        }
        return lines;
    }
}
