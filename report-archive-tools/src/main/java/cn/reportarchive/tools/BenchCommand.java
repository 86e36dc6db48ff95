package cn.reportarchive.tools;

import cn.reportarchive.Application;
import cn.reportarchive.cli.Cli;
import cn.reportarchive.cli.CommonOptions;
import cn.reportarchive.cli.UserError;
import cn.reportarchive.bench.CompareBench;
import cn.reportarchive.bench.LoadBench;
import cn.reportarchive.bench.ExtractBench;
import cn.reportarchive.bench.OcrBench;
import cn.reportarchive.bench.SearchBench;
import cn.reportarchive.bench.StartBench;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "性能测试（结果写入 BENCHMARKS.md 的数字由它得出）",
        subcommands = {BenchCommand.Search.class, BenchCommand.Similar.class, BenchCommand.Compare.class, BenchCommand.Start.class,
                BenchCommand.Load.class, BenchCommand.Extract.class, BenchCommand.Ocr.class})
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

        @Option(names = "--no-baselines", description = "只测本库：不导出全文，不与 smartcn 对照索引及 ripgrep 对比")
        boolean noBaselines;

        @Option(names = "--merge", description = "测试前先把索引合并为一段（批量导入结束时所做的，供合并前导入的档案库使用）")
        boolean merge;

        @Override
        public Integer call() throws Exception {
            try (Application app = common.open()) {
                if (merge) {
                    long t0 = System.nanoTime();
                    app.archive().mergeIndex();
                    System.out.printf(java.util.Locale.ROOT, "merge: index merged in %.0f s%n", (System.nanoTime() - t0) / 1e9);
                }
                new SearchBench(app, System.out).run(new SearchBench.Settings(queries, clients, seconds, seed, noBaselines ? null : texts,
                        scanQueries));
                return 0;
            }
        }
    }

    @Command(name = "similar", description = "查相似表述的耗时，以及带错字的检索连同“您是不是要找”的耗时与纠正率")
    static final class Similar implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--texts", description = "粘贴文字条数（默认 300）")
        int texts = 300;

        @Option(names = "--slips", description = "带错字的检索式条数（默认 300）")
        int slips = 300;

        @Option(names = "--seed", description = "随机种子（默认 7）")
        long seed = 7;

        @Override
        public Integer call() throws Exception {
            try (Application app = common.open()) {
                new cn.reportarchive.bench.SimilarBench(app, System.out).run(
                        new cn.reportarchive.bench.SimilarBench.Settings(texts, slips, seed));
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

    @Command(name = "start", description = "serve 冷启动时间：启动服务进程，直到 /api/health 应答，以及首次检索的耗时")
    static final class Start implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--runs", description = "启动次数（默认 5）")
        int runs = 5;

        @Option(names = "--port", description = "服务端口（默认 7099）")
        int port = 7099;

        @Option(names = "--heap", description = "服务进程的最大堆（默认 512m）")
        String heap = "512m";

        @Option(names = "--query", description = "启动后首次检索的检索式（默认 学习）")
        String query = "学习";

        @Override
        public Integer call() throws Exception {
            // the server opens the archive; this process only starts it and asks it
            new StartBench(System.out).run(new StartBench.Settings(common.data(), runs, port, heap, query));
            return 0;
        }
    }

    @Command(name = "load", description = "对运行中的服务施加负载：一个客户端导入，同时多个客户端检索、打开材料")
    static final class Load implements Callable<Integer> {
        @Option(names = "--url", description = "服务地址（默认 http://127.0.0.1:7070/，只能是本机）")
        URI url = URI.create("http://127.0.0.1:7070/");

        @Option(names = "--imports", description = "导入的生成材料份数（默认 500）")
        int imports = 500;

        @Option(names = "--formats", description = "生成材料的格式比例（默认 docx=50,txt=50）")
        String formats = "docx=50,txt=50";

        @Option(names = "--clients", description = "检索客户端数（默认 16）")
        int clients = 16;

        @Option(names = "--seconds", description = "最短持续时间，秒（默认 60；导入未完成则继续）")
        int seconds = 60;

        @Option(names = "--seed", description = "随机种子（默认 11）")
        long seed = 11;

        @Override
        public Integer call() throws Exception {
            new LoadBench(System.out).run(new LoadBench.Settings(url, imports, formats, clients, seconds, seed));
            return 0;
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

    @Command(name = "ocr", description = "扫描件文字识别：每秒页数（单线程与 tesseract 自带多线程、不同 dpi）和字错误率")
    static final class Ocr implements Callable<Integer> {
        @Option(names = "--pdfs", paramLabel = "DIR", description = "作为原稿的文字版 PDF 目录（默认 sample-docs）")
        Path pdfs = Path.of("sample-docs");

        @Option(names = "--documents", description = "最多取多少个 PDF（默认 2）")
        int documents = 2;

        @Option(names = "--runs", description = "每种设置的测量轮数（默认 3，取中位数）")
        int runs = 3;

        @Option(names = "--dpi", split = ",", description = "渲染分辨率，可多个（默认 200,150）")
        java.util.List<Integer> dpis = java.util.List.of(200, 150);

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isDirectory(pdfs)) {
                throw new UserError("找不到目录：" + pdfs, Cli.USAGE);
            }
            if (dpis.stream().anyMatch(d -> d < 72 || d > 600)) {
                throw new UserError("--dpi 应在 72 到 600 之间。", Cli.USAGE);
            }
            new OcrBench(System.out).run(new OcrBench.Settings(pdfs, Math.max(1, documents), Math.max(1, runs), dpis));
            return 0;
        }
    }
}
