package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.auth.AuthStore;
import cn.reportarchive.archive.DataDirectory;
import cn.reportarchive.extract.ExtractionLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes after its name. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "档案库目录（默认：当前目录下的 index）")
    Path data = Path.of("index");

    @Option(names = "--verbose", description = "出错时输出详细信息（含堆栈）")
    boolean verbose;

    @Option(names = "--max-size", paramLabel = "MB", description = "单个文件大小上限，单位 MB（默认 50）")
    int maxSizeMb = 50;

    @Option(names = "--parse-timeout", paramLabel = "SECONDS", description = "单个文件解析时限，单位秒（默认 60）")
    int parseTimeoutSeconds = 60;

    /** The data directory as given (it may not exist yet). */
    public Path data() {
        return data;
    }

    /** The data directory, which must hold an archive already: for commands that only read it. */
    public Path existingData() {
        if (!Files.isRegularFile(new DataDirectory(data).catalog())) {
            throw new UserError("--data 指定的 " + data + " 不是档案库目录（其中没有 catalog.db）。", Cli.USAGE);
        }
        return data;
    }

    /** Where this command logs, once {@link #open} has started the data directory's log. */
    Optional<Path> logFile = Optional.empty();

    public Application open() throws IOException, SQLException {
        checkData();
        // before opening: what recovery finds is in the log too
        logFile = LogFile.attach(data);
        ExtractionLimits defaults = ExtractionLimits.defaults();
        ExtractionLimits limits = new ExtractionLimits(Math.max(1, maxSizeMb) * 1024L * 1024L,
                Duration.ofSeconds(Math.max(1, parseTimeoutSeconds)), defaults.maxChars());
        return Application.open(data, limits);
    }

    /** The accounts and audit log only: works while serve holds the index. */
    AuthStore openAuth() throws IOException, SQLException {
        checkData();
        return Application.openAuth(data);
    }

    private void checkData() {
        if (Files.exists(data) && !Files.isDirectory(data)) {
            throw new UserError("--data 指定的 " + data + " 是一个文件，不是档案库目录。", Cli.USAGE);
        }
    }
}
