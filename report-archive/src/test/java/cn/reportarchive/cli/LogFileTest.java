package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * What an operator finds in {@code <data>/logs/report-archive.log} after {@code serve} met a broken file:
 * the file's failure with its hash and the parser's own cause, what the parser process wrote to its
 * stderr; and never a report's text or a password, whether typed right, wrong or in a malformed request.
 */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class LogFileTest {
    private static final String PASSWORD = "日志里不该有的口令-2024";
    private static final String WRONG = "猜错的口令-Wrong-77";

    @TempDir
    Path tmp;

    @Test
    void serveLogsABrokenFilesFailureWithCauseAndHashButNoTextAndNoPassword() throws Exception {
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        byte[] good = Files.readAllBytes(CliRunner.SAMPLES.resolve("yunxi-dw-2022.txt"));
        Files.write(samples.resolve("yunxi-dw-2022.txt"), good);
        // the first 3,000 bytes of a Word file: a download cut short, which the parser process fails on
        byte[] broken = Arrays.copyOf(Files.readAllBytes(CliRunner.SAMPLES.resolve("linjiang-czj-2022.docx")), 3000);
        Files.write(samples.resolve("截断的材料.docx"), broken);
        Path data = tmp.resolve("data");
        assertEquals(0, CliRunner.runWithStdin(PASSWORD + "\n", "user", "add", "zhang", "--role", "admin", "--data", data.toString())
                .code());

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = data.resolve("logs").resolve("report-archive.log");
        try (ChildJvm serve = ChildJvm.start("serve", "--data", data.toString(), "--port", Integer.toString(port),
                "--samples", samples.toString())) {
            assertTrue(serve.awaitErr(l -> l.contains("服务已启动"), 120), String.join("\n", serve.err));
            assertTrue(serve.awaitErr(l -> l.equals("日志：" + log.toAbsolutePath()), 10),
                    "serve says where the log is: " + String.join("\n", serve.err));
            String base = "http://127.0.0.1:" + port;
            assertEquals(401, login(base, "{\"username\":\"zhang\",\"password\":\"" + WRONG + "\"}"));
            assertEquals(200, login(base, "{\"username\":\"zhang\",\"password\":\"" + PASSWORD + "\"}"));
            int malformed = login(base, "{\"username\":\"zhang\",\"password\":\"" + PASSWORD + "\",,,");
            assertTrue(malformed >= 400 && malformed < 500, "malformed login: " + malformed);
        }

        String text = Files.readString(log, StandardCharsets.UTF_8);
        String failure = text.lines().filter(l -> l.contains("截断的材料.docx") && l.contains("failed")).findFirst()
                .orElseThrow(() -> new AssertionError("no failure line in the log:\n" + text));
        assertTrue(failure.contains("sha256 " + sha256(broken)), failure);
        assertTrue(failure.contains("文件已损坏") || failure.contains("文件不完整"), "the user's sentence: " + failure);
        assertTrue(text.contains("Caused by: ") && text.contains("at org.apache."), "the parser's own cause:\n" + text);
        assertTrue(text.contains("cn.reportarchive.extract.worker"), "the parser process's stderr:\n" + text);

        assertFalse(text.contains(PASSWORD) || text.contains(WRONG), "a password in the log:\n" + text);
        List<String> reportLines = new String(good, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> l.length() >= 6).toList();
        assertTrue(reportLines.size() > 10, "the report has text to look for");
        for (String line : reportLines) {
            assertFalse(text.contains(line), "report text in the log: " + line);
        }
    }

    private static int login(String base, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
