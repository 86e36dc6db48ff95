package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ImportSummary;
import cn.reportarchive.web.RequestGuard;
import cn.reportarchive.web.WebOptions;
import cn.reportarchive.web.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "启动网页服务（默认 http://127.0.0.1:7070/）")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--host", description = "监听地址（默认 127.0.0.1，仅本机可访问）")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "端口（默认 7070）")
    int port = 7070;

    @Option(names = "--samples", description = "档案库为空时先导入的示例目录（默认 sample-docs）")
    Path samples = Path.of("sample-docs");

    @Option(names = "--session-timeout", paramLabel = "MINUTES", description = "登录会话闲置多久后失效，单位分钟（默认 30）")
    int sessionTimeoutMinutes = (int) WebOptions.DEFAULT_SESSION_TIMEOUT.toMinutes();

    @Override
    public Integer call() throws Exception {
        if (sessionTimeoutMinutes < 1) {
            throw new UserError("--session-timeout 至少为 1 分钟。", Cli.USAGE);
        }
        Thread warmUp = new Thread(WebServer::warmUp, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start(); // the web stack loads on the other core while the archive opens
        Application app = common.open();
        int accounts;
        try {
            accounts = app.auth().accounts().list().size();
            if (accounts == 0 && !RequestGuard.isLoopback(host)) {
                throw new UserError(WebServer.OPEN_ON_NETWORK, Cli.USAGE);
            }
            if (app.archive().count() == 0 && Files.isDirectory(samples)) {
                System.err.println("档案库为空，先导入示例材料：" + samples.toAbsolutePath());
                ImportSummary summary = app.bulkImport().run(BulkImport.plan(List.of(samples)), ImportMetadata.NONE,
                        o -> { });
                System.err.printf("导入 %d 份，失败 %d 份。%n", summary.imported(), summary.failures().size());
            }
        } catch (Exception e) {
            app.close();
            throw e;
        }
        WebServer server;
        try {
            server = WebServer.start(app, host, port,
                    WebOptions.defaults().withSessionTimeout(Duration.ofMinutes(sessionTimeoutMinutes)));
        } catch (RuntimeException e) {
            app.close();
            throw new UserError("无法在 " + host + ":" + port + " 启动服务：" + e.getMessage(), Cli.INPUT_FAILED);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C: stop taking requests, let a running import finish its commit, close the archive
            server.close();
            try {
                app.close();
            } catch (Exception e) {
                System.err.println("关闭档案库时出错：" + e.getMessage());
            }
            stopped.countDown();
        }, "shutdown"));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        System.err.println("服务已启动：请用浏览器打开 http://" + shown + ":" + server.port() + "/  （Ctrl-C 停止）");
        common.logFile.ifPresent(log -> System.err.println("日志：" + log));
        LoggerFactory.getLogger(ServeCommand.class).info("serving {} on http://{}:{}/ ({} accounts)",
                common.data.toAbsolutePath(), shown, server.port(), accounts);
        if (accounts == 0) {
            System.err.println("尚未设置任何账户：服务仅对本机开放，无需登录。用 user add 名称 --role admin 创建账户后，"
                    + "所有人都须登录。");
        } else {
            System.err.printf("已启用登录（%d 个账户）；会话闲置 %d 分钟后失效。%n", accounts, sessionTimeoutMinutes);
        }
        if (!RequestGuard.isLoopback(host)) {
            System.err.println("注意：服务监听在 " + host + "，本机以外的计算机也可以访问。");
        }
        stopped.await();
        return 0;
    }
}
