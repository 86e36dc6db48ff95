package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.parse.ReportSummary;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", description = "列出档案库中的材料")
final class ListCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    Narrowing narrowing;

    @Option(names = "--json", description = "输出 JSON 数组")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            List<ReportSummary> reports = app.archive().summaries(narrowing.unit, narrowing.year);
            if (json) {
                System.out.println(Json.pretty(reports));
                return 0;
            }
            for (ReportSummary r : reports) {
                System.out.printf("%s  %s  %s  %s  %s%n", r.id(), orDash(r.year()), orDash(r.unit()),
                        orDash(r.author()), orDash(r.title()));
            }
            System.err.println("共 " + reports.size() + " 份材料。");
            return 0;
        }
    }

    static String orDash(Object value) {
        return value == null ? "—" : value.toString();
    }
}
