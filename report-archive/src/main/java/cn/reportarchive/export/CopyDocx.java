package cn.reportarchive.export;

import cn.reportarchive.compare.CopyCheck;
import cn.reportarchive.export.WordDocument.Rich;

/** 查重 as a Word document: the sources and, for each, the copied passages side by side with the shared text marked. */
public final class CopyDocx {
    private CopyDocx() {
    }

    public static byte[] write(CopyCheck c, PrintHeading heading) {
        WordDocument doc = new WordDocument(heading);
        doc.title("查重：" + (c.title() == null || c.title().isBlank() ? c.reportId() : c.title()));
        int n = c.sources().size();
        doc.paragraph(Rich.of("本材料的文字有 ").strong(new Percent(c.share()).text())
                .text(" 也出现在" + (n == 0 ? "其他材料中。" : " " + n + " 份其他材料或范文中。"))
                .newParagraph().text("雷同段落左栏是本材料，右栏是雷同的材料或范文；").text("黄色底纹").text("为两者相同的文字。"));
        if (n == 0) {
            doc.paragraph(Rich.of("没有发现与其他材料或范文明显雷同的文字。"));
            return doc.bytes();
        }
        WordDocument.Table list = doc.table(new int[] {1, 6, 10, 2}, "序号", "雷同的材料", "标题", "占本材料");
        int i = 0;
        for (CopyCheck.Source s : c.sources()) {
            list.row(Rich.of(String.valueOf(++i)), Rich.of(name(s)), Rich.of(s.template() ? "—" : s.title()),
                    Rich.of(new Percent(s.share()).text()));
        }
        i = 0;
        for (CopyCheck.Source s : c.sources()) {
            doc.heading(++i + ". " + name(s) + "（占本材料 " + new Percent(s.share()).text() + "，" + s.passages().size() + " 段雷同）");
            WordDocument.Table t = doc.table(new int[] {1, 1}, "本材料", s.template() ? "范文" : "雷同的材料");
            for (CopyCheck.SharedPassage p : s.passages()) {
                t.row(Rich.bold(ExportRows.place(p.ref())).newParagraph().marked(p.text(), p.shared()),
                        Rich.bold(p.sourceRef() == null ? "" : ExportRows.place(p.sourceRef())).newParagraph()
                                .marked(p.sourceText(), p.shared()));
            }
        }
        return doc.bytes();
    }

    /** 临江县审计局 2022年 领导班子, or 范文：name. */
    static String name(CopyCheck.Source s) {
        if (s.template()) {
            return "范文：" + (s.title() == null ? "（未命名范文）" : s.title());
        }
        return (s.unit() == null ? "（未注明单位）" : s.unit()) + (s.year() == null ? "" : " " + s.year() + "年")
                + (s.author() == null ? " 领导班子" : " " + s.author());
    }
}
