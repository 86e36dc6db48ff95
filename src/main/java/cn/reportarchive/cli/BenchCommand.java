package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.bench.ExtractBench;
import cn.reportarchive.bench.SearchBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "性能测试（结果写入 BENCHMARKS.md 的数字由它得出）",
        subcommands = {BenchCommand.Search.class, BenchCommand.Extract.class})
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

    @Command(name = "extract", description = "解析文档的开销：在本进程内解析与在子进程中解析（隔离）的对比")
    static final class Extract implements Callable<Integer> {
        @Option(names = "--files", required = true, paramLabel = "DIR", description = "待解析的文件目录")
        Path files;

        @Option(names = "--limit", description = "最多取多少个文件（默认 300）")
        int limit = 300;

        @Option(names = "--rounds", description = "测量轮数（默认 3，另有一轮预热）")
        int rounds = 3;

        @Option(names = "--threads", description = "并发线程数，也是解析子进程数（默认为处理器核数）")
        int threads = Runtime.getRuntime().availableProcessors();

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isDirectory(files)) {
                throw new UserError("找不到目录：" + files, Cli.USAGE);
            }
            new ExtractBench(System.out).run(new ExtractBench.Settings(files, limit, Math.max(1, rounds),
                    Math.max(1, threads)));
            return 0;
        }
    }
}
