package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CopyCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "copies", description = "查重：一份材料与其他材料、范文重合的比例和段落；不指定编号时列出全库重合最多的材料对")
final class CopiesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    JsonOutput output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "材料编号")
    String id;

    @Option(names = "--limit", description = "全库列表最多条数（默认 50）")
    int limit = 50;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            if (id == null) {
                List<CopyCheck.Pair> pairs;
                try {
                    pairs = app.copies().pairs(Math.max(1, limit));
                } catch (CompareException e) {
                    throw new UserError(e.getMessage(), Cli.INPUT_FAILED); // short of memory: the sentence, exit 1
                }
                if (output.json) {
                    System.out.println(Json.pretty(java.util.Map.of("pairs", pairs)));
                } else {
                    pairs.forEach(p -> System.out.printf("%3.0f%%  %s %s %s  ←  %s %s %s%n", p.share() * 100,
                            ListCommand.orDash(p.copy().year()), ListCommand.orDash(p.copy().unit()), ListCommand.orDash(p.copy().author()),
                            ListCommand.orDash(p.source().year()), p.template() ? "范文" : ListCommand.orDash(p.source().unit()),
                            p.template() ? p.source().title() : ListCommand.orDash(p.source().author())));
                }
                return Cli.OK;
            }
            CopyCheck c;
            try {
                c = app.copies().check(id);
            } catch (CompareException e) {
                throw new UserError(e.getMessage(), Cli.INPUT_FAILED);
            }
            if (output.json) {
                System.out.println(Json.pretty(c));
                return Cli.OK;
            }
            System.out.printf("%s：%.0f%% 的文字也见于其他材料%n", c.title(), c.share() * 100);
            for (CopyCheck.Source s : c.sources()) {
                System.out.printf("  %3.0f%%  %s %s %s %s%n", s.share() * 100, s.template() ? "范文" : ListCommand.orDash(s.year()),
                        ListCommand.orDash(s.unit()), ListCommand.orDash(s.author()), s.reportId());
            }
            return Cli.OK;
        }
    }
}
