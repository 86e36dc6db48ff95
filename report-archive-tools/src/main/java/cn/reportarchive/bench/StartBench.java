package cn.reportarchive.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of {@code serve}: starts this jar's server on an archive as a new process, times how
 * long until {@code /api/health} answers and then how long the first search takes (it builds the
 * facet state), stops the server, and repeats. Prints its method and the medians.
 */
public final class StartBench {
    public record Settings(Path data, int runs, int port, String heap, String query) {
    }

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public StartBench(PrintStream out) {
        this.out = out;
    }

    public void run(Settings s) throws Exception {
        Path jar = ownJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + s.heap(), "-jar", jar.toString(), "serve", "--data",
                s.data().toString(), "--port", String.valueOf(s.port()));
        out.printf(Locale.ROOT, "method: %d runs of `%s`; time from process start until GET /api/health answers 200, "
                + "then one GET /api/search?q=%s; the server is stopped (SIGTERM) between runs%n", s.runs(),
                String.join(" ", command), s.query());
        long[] ready = new long[s.runs()];
        long[] first = new long[s.runs()];
        for (int i = 0; i < s.runs(); i++) {
            Process server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                long t0 = System.nanoTime();
                waitForHealth(server, s.port());
                ready[i] = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                HttpResponse<String> r = get(s.port(), "/api/search?q=" + URLEncoder.encode(s.query(), StandardCharsets.UTF_8));
                first[i] = System.nanoTime() - t1;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
                }
                out.printf(Locale.ROOT, "run %d: health after %.2f s, first search %.0f ms%n", i + 1, ready[i] / 1e9,
                        first[i] / 1e6);
            } finally {
                server.destroy();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
        }
        out.printf(Locale.ROOT, "cold start: median %.2f s until /api/health answers; first search median %.0f ms%n",
                new Percentiles(ready).millis(50) / 1000, new Percentiles(first).millis(50));
    }

    private void waitForHealth(Process server, int port) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("服务进程已退出（退出码 " + server.exitValue() + "），请检查档案库目录和端口。");
            }
            try {
                if (get(port, "/api/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("服务在 " + GIVE_UP.toMinutes() + " 分钟内没有就绪。");
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The jar this class runs from, to start the same build as a server. */
    static Path ownJar() throws URISyntaxException {
        Path self = Path.of(StartBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!self.toString().endsWith(".jar")) {
            throw new IllegalStateException("请用打包好的 target/report-archive.jar 运行此测试。");
        }
        return self;
    }
}
