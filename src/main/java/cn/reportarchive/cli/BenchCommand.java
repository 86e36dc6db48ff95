package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.bench.CompareBench;
import cn.reportarchive.bench.SearchBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "性能测试（结果写入 BENCHMARKS.md 的数字由它得出）",
        subcommands = {BenchCommand.Search.class, BenchCommand.Compare.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        throw new UserError("请指定要测试的项目，例如：bench search。", Cli.USAGE);
    }

    @Command(name = "search", description = "检索延迟、并发吞吐、堆内存，以及与 ripgrep 全文扫描的对比")
    static final class Search implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--queries", description = "检索式条数（默认 2000）")
        int queries = 2000;

        @Option(names = "--clients", description = "并发客户端数（默认 8）")
        int clients = 8;

        @Option(names = "--seconds", description = "并发测试时长，秒（默认 20）")
        int seconds = 20;

        @Option(names = "--seed", description = "随机种子（默认 7）")
        long seed = 7;

        @Option(names = "--texts", description = "导出全文供 ripgrep 扫描的目录（默认 target/bench-texts）")
        Path texts = Path.of("target", "bench-texts");

        @Option(names = "--scan-queries", description = "用 ripgrep 扫描对比的检索式条数（默认 100，0 为不对比）")
        int scanQueries = 100;

        @Override
        public Integer call() throws Exception {
            try (Application app = common.open()) {
                new SearchBench(app, System.out).run(new SearchBench.Settings(queries, clients, seconds, seed, texts,
                        scanQueries));
                return 0;
            }
        }
    }

    @Command(name = "compare", description = "对比、重复问题、查重的耗时与内存")
    static final class Compare implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--pairs", description = "计时的年度对数（默认 200）")
        int pairs = 200;

        @Option(names = "--seed", description = "随机种子（默认 7）")
        long seed = 7;

        @Override
        public Integer call() throws Exception {
            try (Application app = common.open()) {
                new CompareBench(app, System.out).run(new CompareBench.Settings(pairs, seed));
                return 0;
            }
        }
    }
}
