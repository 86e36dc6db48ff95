package cn.reportarchive.extract.word;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLevelSuffix;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A typed report rebuilt as Word would hold it when its author let Word number it: POI's
 * numbering API with abstract lists and levels defined here, nothing typed. Two ways a writer
 * gets there:
 * <ul>
 * <li>{@link Numbering#DIRECT}: one multilevel list (一、 （一） 1. （1） ①) set on each
 * paragraph, deeper levels restarting by Word's default; item levels typed with other
 * punctuation get a list of their own, restarted per block by a startOverride;</li>
 * <li>{@link Numbering#STYLED}: headings numbered through their paragraph styles (a section
 * style based on a heading style that carries the list, level linked to the style), items by
 * single-level lists of which every block starts a new instance with a startOverride, as
 * Word's "restart at 1" makes them.</li>
 * </ul>
 * With {@code furniture}, the page furniture a real file carries: header and footer with the
 * unit's name, 内部资料 and page fields, a table of contents before the title, a footnote,
 * a comment, a text box, a tracked deletion and hidden text. With {@code tables}, runs of typed
 * points in the form {@code 1.事项；整改措施：…；责任人：…；完成时限：…。} become a table of measures.
 */
final class AutoNumberedDocx {
    enum Numbering { DIRECT, STYLED }

    static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final Pattern MEASURE_ROW = Pattern.compile("^(\\d{1,2})\\.([^；]+)；整改措施：([^；]+)；责任人：([^；]+)；完成时限：(.+)。$");

    private final Numbering mode;
    private final boolean furniture;
    private final boolean tables;
    private final String sectionFormat;
    private XWPFDocument doc;
    private XWPFNumbering numbering;
    private BigInteger multilevelNum;
    private final String[] multilevelTemplates = new String[TypedReport.LEVELS];
    private final Map<String, BigInteger> singleLevelAbstracts = new HashMap<>();
    private final Map<String, BigInteger> runNums = new HashMap<>();
    private int fieldId;

    AutoNumberedDocx(Numbering mode, boolean furniture, boolean tables, String sectionFormat) {
        this.mode = mode;
        this.furniture = furniture;
        this.tables = tables;
        this.sectionFormat = sectionFormat;
    }

    byte[] build(String typed) {
        List<TypedReport.Paragraph> paragraphs = TypedReport.paragraphs(typed);
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc = document;
            numbering = doc.createNumbering();
            XWPFStyles styles = doc.createStyles();
            defineMultilevel(paragraphs);
            if (mode == Numbering.STYLED) {
                defineHeadingStyles(styles);
            }
            defineTocStyles(styles);
            if (furniture) {
                tableOfContents(paragraphs);
                headerAndFooter(paragraphs.get(0).typed());
            }
            boolean footnoted = false;
            boolean commented = false;
            boolean boxed = false;
            for (int i = 0; i < paragraphs.size(); i++) {
                TypedReport.Paragraph p = paragraphs.get(i);
                if (tables && MEASURE_ROW.matcher(p.typed()).matches()) {
                    int end = i;
                    while (end < paragraphs.size() && MEASURE_ROW.matcher(paragraphs.get(end).typed()).matches()) {
                        end++;
                    }
                    measuresTable(paragraphs.subList(i, end));
                    i = end - 1;
                    continue;
                }
                if (p.typed().isEmpty()) {
                    continue;
                }
                XWPFParagraph para = doc.createParagraph();
                number(para, p);
                XWPFRun run = para.createRun();
                run.setText(p.text());
                if (furniture && !footnoted && p.level() == 2) {
                    footnote(para);
                    footnoted = true;
                }
                if (furniture && !commented && p.level() == 1) {
                    comment(para);
                    commented = true;
                }
                if (furniture && !boxed && !p.numbered() && p.text().length() > 60) {
                    boxed = true;
                    textBox(para);
                    trackedDeletionAndHiddenText(para);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The multilevel list: its item templates are the first ones typed at each level. */
    private void defineMultilevel(List<TypedReport.Paragraph> paragraphs) {
        for (TypedReport.Paragraph p : paragraphs) {
            if (p.numbered() && multilevelTemplates[p.level()] == null) {
                multilevelTemplates[p.level()] = p.template();
            }
        }
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(10));
        for (int level = 0; level < TypedReport.LEVELS; level++) {
            String template = multilevelTemplates[level] != null ? multilevelTemplates[level] : defaultTemplate(level);
            CTLvl lvl = level(abstractNum, level, template, format(level));
            if (mode == Numbering.STYLED && level < 2) {
                lvl.addNewPStyle().setVal(level == 0 ? "ReportSection" : "ReportBlock");
            }
        }
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering));
        multilevelNum = numbering.addNum(abstractId);
    }

    private String format(int level) {
        return switch (level) {
            case 0, 1 -> sectionFormat;
            case 4 -> "decimalEnclosedCircle";
            default -> "decimal";
        };
    }

    private static String defaultTemplate(int level) {
        return switch (level) {
            case 0 -> "%1、";
            case 1 -> "（%2）";
            case 2 -> "%3.";
            case 3 -> "（%4）";
            default -> "%5";
        };
    }

    private static CTLvl level(CTAbstractNum abstractNum, int level, String template, String format) {
        CTLvl lvl = abstractNum.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(level));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(STNumberFormat.Enum.forString(format));
        lvl.addNewLvlText().setVal(template);
        lvl.addNewSuff().setVal(STLevelSuffix.NOTHING);
        lvl.addNewLvlJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.LEFT);
        return lvl;
    }

    /** Heading 1 and 2 alike: a base style carries the list, section and block styles inherit it. */
    private void defineHeadingStyles(XWPFStyles styles) {
        CTStyle base = CTStyle.Factory.newInstance();
        base.setStyleId("ReportHeadingBase");
        base.addNewName().setVal("Report Heading Base");
        base.setType(STStyleType.PARAGRAPH);
        base.addNewPPr().addNewNumPr().addNewNumId().setVal(multilevelNum);
        styles.addStyle(new XWPFStyle(base, styles));
        String[][] derived = {{"ReportSection", "Report Section", null}, {"ReportBlock", "Report Block", "1"}};
        for (String[] d : derived) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(d[0]);
            style.addNewName().setVal(d[1]);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewBasedOn().setVal("ReportHeadingBase");
            if (d[2] != null) {
                // the block style names its level; the section style's comes from the list's pStyle link
                style.addNewPPr().addNewNumPr().addNewIlvl().setVal(new BigInteger(d[2]));
            }
            styles.addStyle(new XWPFStyle(style, styles));
        }
    }

    /** Chinese Word's ids for the TOC styles are numbers; the names say what they are. */
    private static void defineTocStyles(XWPFStyles styles) {
        for (int level = 1; level <= 2; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(level == 1 ? "10" : "21");
            style.addNewName().setVal("toc " + level);
            style.setType(STStyleType.PARAGRAPH);
            styles.addStyle(new XWPFStyle(style, styles));
        }
    }

    private void number(XWPFParagraph para, TypedReport.Paragraph p) {
        if (!p.numbered()) {
            return;
        }
        boolean inMultilevel = p.template().equals(multilevelTemplates[p.level()]);
        if (mode == Numbering.STYLED && p.level() < 2 && inMultilevel) {
            para.setStyle(p.level() == 0 ? "ReportSection" : "ReportBlock");
            return;
        }
        if (mode == Numbering.DIRECT && inMultilevel) {
            CTNumPr numPr = para.getCTP().addNewPPr().addNewNumPr();
            numPr.addNewIlvl().setVal(BigInteger.valueOf(p.level()));
            numPr.addNewNumId().setVal(multilevelNum);
            return;
        }
        // a single-level list, a new instance for each run of points under one parent
        BigInteger abstractId = singleLevelAbstracts.computeIfAbsent(p.template(), t -> {
            CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.valueOf(20 + singleLevelAbstracts.size()));
            level(abstractNum, 0, t.replaceAll("%\\d", "%1"), format(p.level()));
            return numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering));
        });
        BigInteger numId = runNums.computeIfAbsent(p.template() + "#" + p.run(), k -> {
            BigInteger id = numbering.addNum(abstractId);
            CTNumLvl override = numbering.getNum(id).getCTNum().addNewLvlOverride();
            override.setIlvl(BigInteger.ZERO);
            override.addNewStartOverride().setVal(BigInteger.ONE);
            return id;
        });
        para.setNumID(numId);
        para.setNumILvl(BigInteger.ZERO);
    }

    private void headerAndFooter(String unit) {
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        header.createParagraph().createRun().setText("内部资料　注意保存");
        header.createParagraph().createRun().setText(unit);
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph dashes = footer.createParagraph();
        dashes.createRun().setText("— ");
        field(dashes, "PAGE", "1");
        dashes.createRun().setText(" —");
        XWPFParagraph pages = footer.createParagraph();
        pages.createRun().setText("第");
        field(pages, "PAGE", "1");
        pages.createRun().setText("页 共");
        field(pages, "NUMPAGES", "3");
        pages.createRun().setText("页");
    }

    /** A complex field: begin, code, separate, the shown result, end. */
    private static void field(XWPFParagraph p, String code, String result) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        p.createRun().getCTR().addNewInstrText().setStringValue(" " + code + " ");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.createRun().setText(result);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /**
     * A table of contents as Word inserts it: a content control of the "Table of Contents"
     * gallery holding the 目录 heading and one TOC field over the entries, each entry a TOC-styled
     * paragraph with its heading, a tab and a PAGEREF page number.
     */
    private void tableOfContents(List<TypedReport.Paragraph> paragraphs) {
        StringBuilder xml = new StringBuilder("<xml-fragment xmlns:w=\"" + W_NS + "\"><w:sdtPr><w:docPartObj>"
                + "<w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
                + "<w:p><w:r><w:t>目  录</w:t></w:r></w:p>");
        boolean first = true;
        int page = 1;
        for (TypedReport.Paragraph p : paragraphs) {
            if (!p.numbered() || p.level() > 1) {
                continue;
            }
            xml.append("<w:p><w:pPr><w:pStyle w:val=\"").append(p.level() == 0 ? "10" : "21").append("\"/></w:pPr>");
            if (first) {
                xml.append("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">"
                        + " TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
                first = false;
            }
            xml.append("<w:r><w:t>").append(p.typed()).append("</w:t></w:r><w:r><w:tab/></w:r>")
                    .append("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGEREF _Toc")
                    .append(++fieldId).append(" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>")
                    .append("<w:r><w:t>").append(page++ / 3 + 1).append("</w:t></w:r>")
                    .append("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
        }
        xml.append("<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:sdtContent></xml-fragment>");
        try {
            doc.getDocument().getBody().addNewSdt().set(CTSdtBlock.Factory.parse(xml.toString()));
        } catch (XmlException e) {
            throw new IllegalStateException(e);
        }
    }

    private void footnote(XWPFParagraph para) {
        XWPFFootnote note = doc.createFootnote();
        note.createParagraph().createRun().setText("注：相关数据截至当年12月底，来源于年度工作台账。");
        para.addFootnoteReference(note);
    }

    private void comment(XWPFParagraph para) {
        XWPFComments comments = doc.createComments();
        XWPFComment comment = comments.createComment(BigInteger.ONE);
        comment.setAuthor("审核人");
        comment.createParagraph().createRun().setText("此处表述请再斟酌。");
        CTP ctp = para.getCTP();
        ctp.addNewCommentRangeStart().setId(BigInteger.ONE);
        ctp.addNewCommentRangeEnd().setId(BigInteger.ONE);
        ctp.addNewR().addNewCommentReference().setId(BigInteger.ONE);
    }

    /** A VML text box and a DrawingML one (mc:AlternateContent), both anchored in this paragraph. */
    private static void textBox(XWPFParagraph para) {
        String vml = "<xml-fragment xmlns:w=\"" + W_NS + "\" xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:pict>"
                + "<v:shape id=\"box1\" style=\"width:120pt;height:40pt\"><v:textbox><w:txbxContent>"
                + "<w:p><w:r><w:t>图为班子成员赴基层调研现场</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></xml-fragment>";
        String drawing = "<xml-fragment xmlns:w=\"" + W_NS + "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
                + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><mc:AlternateContent>"
                + "<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框：会议议程安排</w:t>"
                + "</w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>"
                + "<w:p><w:r><w:t>文本框：会议议程安排</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></xml-fragment>";
        for (String xml : new String[] {vml, drawing}) {
            try {
                para.getCTP().addNewR().set(CTR.Factory.parse(xml));
            } catch (XmlException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void trackedDeletionAndHiddenText(XWPFParagraph para) {
        String del = "<w:del xmlns:w=\"" + W_NS + "\" w:id=\"90\" w:author=\"a\" w:date=\"2024-01-01T00:00:00Z\"><w:r>"
                + "<w:delText>（此句已删去）</w:delText></w:r></w:del>";
        XmlCursor cursor = para.getCTP().newCursor();
        cursor.toEndToken();
        XmlObject deletion = parse(del);
        try (XmlCursor source = deletion.newCursor()) {
            source.toFirstChild();
            source.copyXml(cursor);
        }
        cursor.close();
        CTR hidden = para.getCTP().addNewR();
        hidden.addNewRPr().addNewVanish();
        hidden.addNewT().setStringValue("（隐藏文字）");
    }

    /** Typed measure points to a table 序号 | 整改事项 | 整改措施 | 责任人 | 完成时限. */
    private void measuresTable(List<TypedReport.Paragraph> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, 5);
        String[] header = {"序号", "整改事项", "整改措施", "责任人", "完成时限"};
        for (int c = 0; c < header.length; c++) {
            table.getRow(0).getCell(c).setText(header[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            Matcher m = MEASURE_ROW.matcher(rows.get(r).typed());
            if (!m.matches()) {
                throw new IllegalStateException(rows.get(r).typed());
            }
            XWPFTableRow row = table.getRow(r + 1);
            for (int c = 0; c < header.length; c++) {
                row.getCell(c).setText(m.group(c + 1));
            }
        }
    }

    private static XmlObject parse(String xml) {
        try {
            return XmlObject.Factory.parse(xml);
        } catch (XmlException e) {
            throw new IllegalStateException(e);
        }
    }
}
