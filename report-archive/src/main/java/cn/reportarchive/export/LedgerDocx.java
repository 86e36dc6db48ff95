package cn.reportarchive.export;

import cn.reportarchive.compare.Ledger;
import cn.reportarchive.export.WordDocument.Rich;

/** The 整改台账 as a Word table a leader fills in (责任人, 完成时限) and prints. */
public final class LedgerDocx {
    private LedgerDocx() {
    }

    public static String title(Ledger l) {
        return PrintHeading.subject(l.unit(), l.author()).replace(" ", "") + l.year() + "年度对照检查整改台账";
    }

    public static byte[] write(Ledger l, PrintHeading heading) {
        WordDocument doc = new WordDocument(heading);
        doc.title(title(l));
        Rich about = Rich.of("依据：" + l.year() + "年材料《" + (l.title() == null ? "（无标题）" : l.title()) + "》，共 "
                + l.rows().size() + " 条整改措施。");
        about.newParagraph().text(l.next() == null
                ? (l.year() + 1) + "年材料尚未归档，完成情况待下年材料。"
                : "完成情况取自" + l.next().year() + "年材料《" + (l.next().title() == null ? "（无标题）" : l.next().title())
                        + "》的整改落实情况和查摆的问题。");
        about.newParagraph().text("“责任人”“完成时限”两栏请填写。");
        doc.paragraph(about);
        if (l.next() != null) {
            doc.paragraph(WordExports.statusLegend());
        }
        WordDocument.Table t = doc.table(new int[] {2, 3, 12, 12, 3, 3, 11},
                "序号", "方面", "问题", "整改措施", "责任人", "完成时限", "完成情况");
        for (Ledger.Row r : l.rows()) {
            t.row(Rich.of(String.valueOf(r.n())), Rich.of(r.aspectLabel()), Rich.of(ExportRows.problemText(r)),
                    Rich.of(r.measure()), null, null, status(l, r));
        }
        if (l.rows().isEmpty()) {
            doc.paragraph(Rich.of("这份材料没有识别出整改措施；请打开材料核对原文。"));
        }
        return doc.bytes();
    }

    private static Rich status(Ledger l, Ledger.Row r) {
        String text = ExportRows.ledgerStatus(l, r);
        if (r.status() == null || l.next() == null) {
            return Rich.of(text);
        }
        String label = r.status().label();
        return Rich.of("").colored(label, WordExports.statusColor(r.status())).text(text.substring(label.length()));
    }
}
