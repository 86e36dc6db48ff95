package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.SimilarPoints;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "similar", description = "查相似表述：粘贴一条问题（或一段话），找出档案中说法相近的各条，最相似的在前")
final class SimilarCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    JsonOutput output;

    @Mixin
    Narrowing narrowing;

    @Parameters(index = "0", paramLabel = "TEXT", description = "要查找的文字（如一条问题）")
    String text;

    @Option(names = "--section", description = "只查这一部分（problems 问题、measures 措施、causes 原因…）")
    String section;

    @Option(names = "--limit", description = "最多返回条数（默认 20，至多 200）")
    int limit = SimilarPoints.DEFAULT_LIMIT;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            SimilarPoints.Result result;
            try {
                result = app.similar().find(new SimilarPoints.Request(text, narrowing.unit, narrowing.year, section, limit, null));
            } catch (CompareException e) {
                throw new UserError(e.getMessage(), Cli.USAGE);
            }
            if (output.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("hits", result.hits());
                System.out.println(Json.pretty(out));
                return Cli.OK;
            }
            for (SimilarPoints.Hit h : result.hits()) {
                System.out.printf("%.2f  %s %s %s [%s] %s%n    %s%n", h.similarity(), ListCommand.orDash(h.year()),
                        ListCommand.orDash(h.unit()), ListCommand.orDash(h.author()), h.ref(), h.reportId(), h.text());
                if (!h.shared().isEmpty()) {
                    System.out.println("    共有：" + String.join(" … ", h.shared()));
                }
            }
            System.err.println(result.hits().isEmpty() ? "档案中没有找到说法相近的条目。" : "共 " + result.hits().size() + " 条相近的条目。");
            return Cli.OK;
        }
    }
}
