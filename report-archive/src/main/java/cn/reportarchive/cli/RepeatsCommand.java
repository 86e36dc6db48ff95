package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.compare.CommonProblems;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.History;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "repeats", description = "重复查摆的问题：一个单位（或个人）历年反复出现的问题；不指定单位时列出多个单位都查摆过的问题")
final class RepeatsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    JsonOutput output;

    @Option(names = "--unit", description = "单位；不指定时列出全库多个单位共有的问题")
    String unit;

    @Option(names = "--author", description = "个人材料的作者；不指定时为领导班子材料")
    String author;

    @Option(names = "--year", description = "全库列表只看这一年度")
    Integer year;

    @Option(names = "--limit", description = "全库列表最多条数（默认 50）")
    int limit = 50;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            if (unit == null) {
                List<CommonProblems.Group> groups;
                try {
                    groups = app.compare().common(year, Math.max(1, limit));
                } catch (CompareException e) {
                    throw new UserError(e.getMessage(), Cli.INPUT_FAILED);
                }
                if (output.json) {
                    System.out.println(Json.pretty(java.util.Map.of("groups", groups)));
                } else {
                    groups.forEach(g -> System.out.printf("%d 个单位 %d 份材料  %s%n", g.units(), g.reports(), g.text()));
                }
                return Cli.OK;
            }
            History h;
            try {
                h = app.compare().history(unit, author);
            } catch (CompareException e) {
                throw new UserError(e.getMessage(), e.reason() == CompareException.Reason.NOT_FOUND ? Cli.INPUT_FAILED : Cli.USAGE);
            }
            if (output.json) {
                System.out.println(Json.pretty(h));
                return Cli.OK;
            }
            System.out.printf("%s%s：%s 年，%d 个问题重复出现%n", h.unit(), h.author() == null ? "" : " " + h.author(),
                    h.years(), h.chains().size());
            for (History.Chain c : h.chains()) {
                System.out.printf("%n  %d 次 %s%s%n", c.times(), c.years(), c.measuresReported() ? "（曾报告整改）" : "（未见整改报告）");
                c.links().forEach(l -> System.out.printf("    %d %s %s%n", l.year(), cn.reportarchive.export.ExportRows.place(l.ref()), l.text()));
            }
            return Cli.OK;
        }
    }
}
