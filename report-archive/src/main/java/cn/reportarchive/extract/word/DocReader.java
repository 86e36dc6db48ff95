package cn.reportarchive.extract.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.ListData;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.HWPFList;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * A Word 97–2003 .doc (and WPS Office's .wps, the same binary format) as Word shows its main
 * text: HWPF's paragraphs in order with their list labels rendered from the list tables (LSTF
 * levels and their LFO start overrides, numbering carried by styles included, since HWPF
 * applies the style's properties to the paragraph). The main-text range holds neither the
 * headers and footers nor the footnotes, comments and text boxes, which are stories of their own;
 * field codes and table-of-contents fields are dropped, field results kept.
 */
final class DocReader {
    /** MS-DOC number format codes (MSONFC) by index, named as OOXML names them. */
    private static final String[] FORMATS = {
        "decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "cardinalText",
        "ordinalText", "hex", "chicago", "ideographDigital", "japaneseCounting", "aiueo", "iroha",
        "decimalFullWidth", "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand",
        "decimalEnclosedCircle", "decimalFullWidth2", "aiueoFullWidth", "irohaFullWidth", "decimalZero",
        "bullet", "ganada", "chosung", "decimalEnclosedFullstop", "decimalEnclosedParen",
        "decimalEnclosedCircleChinese", "ideographEnclosedCircle", "ideographTraditional", "ideographZodiac",
        "ideographZodiacTraditional", "taiwaneseCounting", "ideographLegalTraditional",
        "taiwaneseCountingThousand", "taiwaneseDigital", "chineseCounting", "chineseLegalSimplified",
        "chineseCountingThousand",
    };
    private static final int NONE = 255;
    private static final Pattern TOC_STYLE = Pattern.compile("toc ?[1-9]");
    private static final int MAX_FIELDS = 64;

    private final ListCounters counters = new ListCounters();
    private final Deque<StringBuilder> fieldCodes = new ArrayDeque<>();
    private final Deque<Boolean> fieldSeparated = new ArrayDeque<>();
    private int untracked;

    /** The text, or empty when HWPF cannot open the file (damaged, encrypted: Tika's to describe). */
    Optional<String> read(byte[] bytes, int maxChars) throws IOException {
        HWPFDocument opened;
        try {
            opened = new HWPFDocument(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try (HWPFDocument doc = opened) {
            Lines lines = new Lines(maxChars);
            try {
                walk(doc, lines::add);
            } catch (Lines.Full full) {
                // the character limit: the document as far as we keep it
            }
            return Optional.of(lines.text());
        }
    }

    private void walk(HWPFDocument doc, Consumer<String> out) {
        Range main = doc.getRange();
        int count = main.numParagraphs();
        String held = null;
        for (int i = 0; i < count; i++) {
            Paragraph p = main.getParagraph(i);
            if (p.isInTable()) {
                Table table = main.getTable(p);
                table(doc, table, out);
                i += Math.max(1, table.numParagraphs()) - 1;
                continue;
            }
            Optional<String> line = paragraph(doc, p);
            if (line.isEmpty()) {
                held = null; // a table-of-contents entry: the 目录 above it goes too
                continue;
            }
            if (line.get().replaceAll("[\\s\\u3000]", "").equals("目录")) {
                held = line.get();
                continue;
            }
            if (held != null && !line.get().isBlank()) {
                out.accept(held);
                held = null;
            }
            emit(line.get(), out);
        }
        if (held != null) {
            out.accept(held);
        }
    }

    private static void emit(String paragraph, Consumer<String> out) {
        for (String line : paragraph.split("\n", -1)) {
            out.accept(line);
        }
    }

    private void table(HWPFDocument doc, Table table, Consumer<String> out) {
        List<List<String>> rows = new ArrayList<>();
        List<List<List<String>>> cellLines = new ArrayList<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            List<List<String>> lines = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                List<String> cellText = new ArrayList<>();
                for (int k = 0; k < cell.numParagraphs(); k++) {
                    paragraph(doc, cell.getParagraph(k)).ifPresent(t -> emit(t, cellText::add));
                }
                cells.add(String.join("", cellText).strip());
                lines.add(cellText);
            }
            rows.add(cells);
            cellLines.add(lines);
        }
        PointTable.emit(rows, cellLines, out);
    }

    /** The paragraph's label and text; empty for a table-of-contents entry. */
    private Optional<String> paragraph(HWPFDocument doc, Paragraph p) {
        StyleDescription style = doc.getStyleSheet().getStyleDescription(p.getStyleIndex());
        boolean tocStyle = style != null && style.getName() != null
                && TOC_STYLE.matcher(style.getName().toLowerCase(Locale.ROOT)).matches();
        boolean[] inToc = {inTableOfContents()};
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < p.numCharacterRuns(); r++) {
            CharacterRun run = p.getCharacterRun(r);
            boolean hidden = run.isVanished() || run.isMarkedDeleted();
            for (char c : run.text().toCharArray()) {
                character(c, hidden, text, inToc);
            }
        }
        if (tocStyle || inToc[0] && text.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(label(doc, p) + text);
    }

    private void character(char c, boolean hidden, StringBuilder text, boolean[] inToc) {
        switch (c) {
            case '\u0013' -> {
                if (fieldCodes.size() < MAX_FIELDS && untracked == 0) {
                    fieldCodes.push(new StringBuilder());
                    fieldSeparated.push(false);
                } else {
                    untracked++;
                }
                return;
            }
            case '\u0014' -> {
                if (!fieldSeparated.isEmpty() && untracked == 0) {
                    fieldSeparated.pop();
                    fieldSeparated.push(true);
                }
                return;
            }
            case '\u0015' -> {
                if (untracked > 0) {
                    untracked--;
                } else if (!fieldCodes.isEmpty()) {
                    fieldCodes.pop();
                    fieldSeparated.pop();
                }
                return;
            }
            default -> {
            }
        }
        if (!fieldCodes.isEmpty() && !fieldSeparated.peek()) {
            fieldCodes.peek().append(c); // a field code (PAGE, TOC \o "1-3"…), not shown
            return;
        }
        if (inTableOfContents()) {
            inToc[0] = true;
            return;
        }
        if (hidden) {
            return;
        }
        switch (c) {
            case '\u000b' -> text.append('\n'); // a manual line break
            case '\t' -> text.append('\t');
            case '\u001e' -> text.append('-'); // non-breaking hyphen
            default -> {
                // \r \u0007 end paragraphs and cells; \u0001 \u0008 anchor pictures and text boxes,
                // \u0002 and \u0005 mark note and comment references, \u000c breaks the page
                if (c >= 0x20) {
                    text.append(c);
                }
            }
        }
    }

    private boolean inTableOfContents() {
        var separated = fieldSeparated.iterator();
        for (StringBuilder code : fieldCodes) {
            boolean sep = separated.next();
            if (sep && code.toString().strip().toUpperCase(Locale.ROOT).startsWith("TOC")) {
                return true;
            }
        }
        return false;
    }

    private String label(HWPFDocument doc, Paragraph p) {
        if (!p.isInList() || doc.getListTables() == null) {
            return "";
        }
        HWPFList list;
        try {
            list = p.getList();
        } catch (RuntimeException e) {
            return ""; // a list reference into tables that are not there: no label, as Word shows none
        }
        ListData data = list.getListData();
        int level = p.getIlvl();
        if (data == null || data.getLevels() == null || level < 0 || level >= data.getLevels().length) {
            return "";
        }
        List<ListLevel> levels = new ArrayList<>();
        boolean overridden = false;
        org.apache.poi.hwpf.model.ListLevel[] lvls = data.getLevels();
        for (int i = 0; i < lvls.length && i < ListCounters.LEVELS; i++) {
            org.apache.poi.hwpf.model.ListLevel lvl = lvls[i];
            char ci = (char) i;
            int nfc = list.getNumberFormat(ci);
            String format = nfc == NONE ? "none" : nfc >= 0 && nfc < FORMATS.length ? FORMATS[nfc] : "decimal";
            overridden |= list.isStartAtOverridden(ci);
            // ilvlRestartLim: restart after levels below it; 0 with fNoRestart meant never
            int restart = lvl.getRestart();
            int restartBelow = restart <= 0 || restart > i ? i : restart;
            levels.add(new ListLevel(list.getStartAt(ci), format, template(list.getNumberText(ci)), restartBelow,
                    lvl.isLegalNumbering()));
        }
        Object key = overridden ? "lfo:" + p.getIlfo() : "lsid:" + list.getLsid();
        String label = counters.next(key, levels, level);
        byte follow = list.getTypeOfCharFollowingTheNumber((char) level);
        if (!label.isEmpty() && follow != 2 && Character.isLetterOrDigit(label.charAt(label.length() - 1))) {
            label += " ";
        }
        return label;
    }

    /** The level text with its placeholders (characters 0–8 for levels 1–9) as %1…%9. */
    private static String template(String numberText) {
        if (numberText == null) {
            return null;
        }
        StringBuilder t = new StringBuilder();
        for (char c : numberText.toCharArray()) {
            if (c < 9) {
                t.append('%').append((char) ('1' + c));
            } else {
                t.append(c);
            }
        }
        return t.toString();
    }
}
