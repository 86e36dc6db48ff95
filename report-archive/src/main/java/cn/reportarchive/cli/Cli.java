package cn.reportarchive.cli;

import cn.reportarchive.search.QuerySyntaxException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The command line: subcommands, and the translation of every failure into one Chinese sentence
 * on stderr and an exit code (0 done, 1 some input failed, 2 bad usage or query).
 */
// help and version are inherited, so that every subcommand answers --help (the usage hint points there)
@Command(name = "report-archive", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "report-archive 0.1", resourceBundle = "cn.reportarchive.cli.Usage",
        description = "对照检查材料全文检索档案库",
        subcommands = {ImportCommand.class, ListCommand.class, ShowCommand.class, SearchCommand.class,
                CheckDraftCommand.class,
                ReindexCommand.class, ServeCommand.class, CompareCommand.class,
                RepeatsCommand.class, CopiesCommand.class, TemplateCommand.class, UserCommand.class,
                VerifyCommand.class, BackupCommand.class, RestoreCommand.class, UnitsCommand.class,
                EditCommand.class, DeleteCommand.class, LedgerCommand.class, SimilarCommand.class})
public final class Cli implements Runnable {
    public static final int OK = 0;
    public static final int INPUT_FAILED = 1;
    public static final int USAGE = 2;

    @Override
    public void run() {
        throw new ParameterException(new CommandLine(this), "请指定命令：import、list、show、search、reindex、serve 或 user。（生成模拟材料与性能测试在 report-archive-tools.jar 中。）");
    }

    public static int run(String... args) {
        return execute(new CommandLine(new Cli()), "report-archive", args);
    }

    /**
     * Runs a command line of this program or of another one built on its commands' conventions (the
     * tools jar): every failure becomes one Chinese sentence on stderr and an exit code.
     */
    public static int execute(CommandLine cli, String program, String... args) {
        // logging set up here, before a command starts threads: a logger asked for while another thread
        // initialises SLF4J is a stand-in, and the log file could not be added to it
        LoggerFactory.getILoggerFactory();
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("参数错误：" + chinese(ex));
            // the whole path of the command (bench search), less the program's own name
            String command = ex.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^" + program + " ?", "");
            err.println("用法见：java -jar " + program + ".jar " + (command.isEmpty() ? "" : command + " ") + "--help");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = USAGE;
            String message;
            if (ex instanceof UserError u) {
                message = u.getMessage();
                code = u.exitCode();
            } else if (ex instanceof QuerySyntaxException) {
                message = ex.getMessage();
            } else if (ex instanceof LockObtainFailedException) {
                message = "档案库正被另一个进程使用（例如正在运行的 serve 或导入），请稍后再试。";
                code = INPUT_FAILED;
            } else if (ex instanceof NoSuchFileException nf) {
                message = "找不到文件或目录：" + nf.getFile();
                code = INPUT_FAILED;
            } else if (ex instanceof java.nio.file.AccessDeniedException ad) {
                message = "没有权限读写：" + ad.getFile();
                code = INPUT_FAILED;
            } else if (ex instanceof java.io.IOException) {
                message = "读写档案库时出错（" + ex.getMessage() + "）。";
                code = INPUT_FAILED;
            } else if (ex instanceof SQLException) {
                message = "档案库目录无法打开或已损坏（" + ex.getMessage() + "）。";
                code = INPUT_FAILED;
            } else {
                message = "执行失败：" + ex;
                code = INPUT_FAILED;
            }
            err.println(message);
            if (!(ex instanceof UserError) && !(ex instanceof QuerySyntaxException)) {
                // the user has the sentence; the log has what went wrong, for whoever mends it
                LoggerFactory.getLogger(Cli.class).error("{} failed: {}",
                        commandLine.getCommandSpec().qualifiedName(" "), message, ex);
            }
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return cli.execute(args);
    }

    private static String chinese(ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return "无法识别的参数或命令 " + String.join(" ", u.getUnmatched()) + "。";
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return "缺少必需的参数 " + m.getMissing().stream().map(a -> a.paramLabel()).toList() + "。";
        }
        if (ex.getCause() instanceof NumberFormatException || ex.getMessage().contains("Invalid value")) {
            return "参数值格式不正确（" + ex.getMessage() + "）。";
        }
        return ex.getMessage();
    }

    interface IoSupplier<T> {
        T get() throws Exception;
    }

    static <T> T unchecked(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
