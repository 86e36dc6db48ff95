package cn.reportarchive.tools;

import cn.reportarchive.Main;
import cn.reportarchive.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * Entry point of report-archive-tools.jar: what engineers run and a site does not — the generator of
 * synthetic archives and the benchmarks. Same conventions as the product's command line (one Chinese
 * sentence per failure, exit codes 0/1/2), since it is built on the product's Cli.
 */
@Command(name = "report-archive-tools", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "report-archive-tools 0.1", resourceBundle = "cn.reportarchive.cli.Usage",
        description = "对照检查材料档案库的工具：生成模拟材料库、性能测试",
        subcommands = {GenerateCommand.class, BenchCommand.class})
public final class Tools implements Runnable {
    @Override
    public void run() {
        throw new ParameterException(new CommandLine(this), "请指定命令：generate 或 bench。");
    }

    public static int run(String... args) {
        return Cli.execute(new CommandLine(new Tools()), "report-archive-tools", args);
    }

    public static void main(String[] args) {
        Main.prepare(args);
        System.exit(run(args));
    }
}
