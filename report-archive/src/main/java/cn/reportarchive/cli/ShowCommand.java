package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.parse.Block;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Item;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.Section;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "显示一份材料的结构")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    JsonOutput output;

    @Parameters(index = "0", paramLabel = "ID", description = "材料编号")
    String id;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            Optional<Report> report = app.archive().get(id.strip());
            if (report.isEmpty()) {
                throw new UserError("找不到编号为 " + id + " 的材料。", 1);
            }
            if (output.json) {
                System.out.println(Json.pretty(report.get()));
            } else {
                print(report.get(), app);
            }
            return 0;
        }
    }

    /** A field's value, and when a person corrected it what the file said: 2021（更正；原文识别为 2022）. */
    private static String shown(Report r, Correction.Field field, Object value) {
        String text = ListCommand.orDash(value);
        for (Correction c : r.corrections()) {
            if (c.field() == field && c.ref() == null) {
                return text + "（更正；原文" + (c.original() == null ? "未识别出" : "识别为 " + c.original()) + "）";
            }
        }
        return text;
    }

    private static void print(Report r, Application app) {
        System.out.println(r.title());
        System.out.printf("年度：%s  单位：%s  作者：%s  职务：%s%n", shown(r, Correction.Field.YEAR, r.year()),
                shown(r, Correction.Field.UNIT, r.unit()), shown(r, Correction.Field.AUTHOR, r.author()),
                shown(r, Correction.Field.POST, r.post()));
        for (Section s : r.sections()) {
            System.out.println();
            System.out.println(s.heading() + "  [" + s.type().key() + "]");
            for (Block b : s.blocks()) {
                if (b.heading() != null) {
                    System.out.println("  " + b.heading() + "  [" + app.taxonomy().label(b.aspect()) + "]");
                }
                if (!b.intro().isEmpty()) {
                    System.out.println("    " + b.intro());
                }
                for (Item i : b.items()) {
                    System.out.println("    " + i.n() + ") " + i.text());
                }
            }
        }
    }
}
