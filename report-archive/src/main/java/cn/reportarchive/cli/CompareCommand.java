package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.Comparison;
import cn.reportarchive.export.ExportRows;
import cn.reportarchive.export.Percent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compare", description = "对比同一单位（或个人）两个年度的材料：重复查摆的问题、上年度措施的落实情况")
final class CompareCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    JsonOutput output;

    @Mixin
    Whose whose;

    @Option(names = "--from", required = true, description = "较早的年度")
    int from;

    @Option(names = "--to", required = true, description = "较晚的年度")
    int to;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            Comparison c;
            try {
                c = app.compare().compare(whose.unit, whose.author, from, to);
            } catch (CompareException e) {
                throw new UserError(e.getMessage(), e.reason() == CompareException.Reason.NOT_FOUND ? Cli.INPUT_FAILED : Cli.USAGE);
            }
            if (output.json) {
                System.out.println(Json.pretty(c));
                return Cli.OK;
            }
            print(c);
            return Cli.OK;
        }
    }

    private static void print(Comparison c) {
        System.out.printf("%s%s：%d 年 → %d 年%n", ListCommand.orDash(c.unit()), c.author() == null ? "" : " " + c.author(),
                c.from().year(), c.to().year());
        System.out.printf("%n重复查摆的问题（%d 条，相似度 ≥ %s）%n", c.repeats().size(), new Percent(c.threshold()));
        for (Comparison.Repeat r : c.repeats()) {
            System.out.printf("  %4s  %d年 %s  ←  %d年 %s%n      %s%n", new Percent(r.similarity()), c.to().year(),
                    ExportRows.place(r.to().ref()), c.from().year(), ExportRows.place(r.from().ref()), String.join(" … ", r.shared()));
        }
        // the second tier apart, after the repeats and outside their count: rewordings a reader judges
        System.out.printf("%n%s%d 条（相似度 ≥ %s，未达重复标准）%n", ExportRows.POSSIBLE_HEADING, c.possibleRepeats().size(),
                new Percent(c.possibleThreshold()));
        for (Comparison.Repeat r : c.possibleRepeats()) {
            System.out.printf("  %4s  %d年 %s  ←  %d年 %s%n", new Percent(r.similarity()), c.to().year(),
                    ExportRows.place(r.to().ref()), c.from().year(), ExportRows.place(r.from().ref()));
            System.out.printf("      %d年：%s%n      %d年：%s%n", c.to().year(), r.to().text(), c.from().year(), r.from().text());
            if (!r.shared().isEmpty()) {
                System.out.printf("      相同文字：%s%n", String.join(" … ", r.shared()));
            }
            if (!r.matched().isEmpty()) {
                System.out.printf("      相同或同义的词：%s%n", String.join("、", r.matched()));
            }
        }
        System.out.printf("%n%d 年整改措施的落实情况（%d 条）%n", c.from().year(), c.measures().size());
        for (Comparison.MeasureFollowUp m : c.measures()) {
            String status = m.status().label();
            System.out.printf("  [%s] %s %s%n", status, ExportRows.place(m.measure().ref()), m.measure().text());
            m.evidence().forEach(e -> System.out.printf("        ↳ %d年%s %s%n", c.to().year(), ExportRows.place(e.ref()), e.text()));
        }
    }
}
