package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.auth.AuditEntry;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.auth.AuthStore;
import cn.reportarchive.auth.Role;
import cn.reportarchive.web.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The user commands through the real command line, the password fed on stdin as a script would. */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ResourceLock("java.lang.System.in")
class UserCommandTest {
    @TempDir
    Path tmp;

    private String data() {
        return tmp.resolve("data").toString();
    }

    @Test
    void addReadsThePasswordFromStdinAndTheAccountCanSignIn() throws Exception {
        CliRunner.Result r = CliRunner.runWithStdin("管理员的口令2024\n", "user", "add", "zhang", "--role", "admin", "--data", data());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("已新增账户 zhang"), r.err());
        assertFalse(r.out().contains("管理员的口令") || r.err().contains("管理员的口令"), "the password is never printed");

        CliRunner.Result v = CliRunner.runWithStdin("viewer-pass-1\r\n", "user", "add", "li", "--role", "viewer",
                "--units", "临江县财政局，云溪镇", "--data", data());
        assertEquals(0, v.code(), v.err());

        JsonNode list = CliRunner.run("user", "list", "--json", "--data", data()).json();
        assertEquals(2, list.size());
        assertEquals("li", list.get(0).get("name").asText());
        assertEquals("viewer", list.get(0).get("role").asText());
        assertEquals(List.of("临江县财政局", "云溪镇"),
                List.of(list.get(0).get("units").get(0).asText(), list.get(0).get("units").get(1).asText()));
        assertEquals("admin", list.get(1).get("role").asText());

        try (AuthStore store = Application.openAuth(tmp.resolve("data"))) {
            assertEquals(Role.ADMIN, store.accounts().authenticate("zhang", "管理员的口令2024".toCharArray())
                    .orElseThrow().role());
            assertTrue(store.accounts().authenticate("li", "viewer-pass-1".toCharArray()).isPresent(),
                    "the CR of a Windows line end is not part of the password");
            List<AuditEntry> entries = store.audit().query(AuditQuery.all()).entries().stream()
                    .filter(e -> e.action().startsWith("user-add")).toList();
            assertEquals(List.of("user-add", "user-add"), entries.stream().map(AuditEntry::action).toList());
            assertEquals("li", entries.get(0).target());
            assertTrue(entries.get(0).address().startsWith("命令行"), entries.get(0).address());
        }
    }

    @Test
    void passwdAndRemove() throws Exception {
        assertEquals(0, CliRunner.runWithStdin("first-password\n", "user", "add", "wang", "--role", "inspector", "--data", data()).code());
        CliRunner.Result p = CliRunner.runWithStdin("second-password\n", "user", "passwd", "wang", "--data", data());
        assertEquals(0, p.code(), p.err());
        try (AuthStore store = Application.openAuth(tmp.resolve("data"))) {
            assertTrue(store.accounts().authenticate("wang", "first-password".toCharArray()).isEmpty());
            assertTrue(store.accounts().authenticate("wang", "second-password".toCharArray()).isPresent());
        }
        CliRunner.Result rm = CliRunner.run("user", "remove", "wang", "--data", data());
        assertEquals(0, rm.code(), rm.err());
        assertTrue(rm.err().contains("已没有任何账户"), rm.err());
        assertEquals(1, CliRunner.run("user", "remove", "wang", "--data", data()).code());
        assertEquals(1, CliRunner.runWithStdin("third-password\n", "user", "passwd", "wang", "--data", data()).code());
    }

    @Test
    void badUsageIsRefusedWithExitTwoAndNothingIsCreated() throws Exception {
        List<String[]> bad = List.of(
                new String[] {"user", "add", "zhang", "--role", "admin", "secret-password"}, // never from an argument
                new String[] {"user", "add", "zhang", "--role", "boss"},
                new String[] {"user", "add", "zhang"},
                new String[] {"user", "add", "zhang", "--role", "viewer"},
                new String[] {"user", "add", "zhang", "--role", "admin", "--units", "云溪镇"},
                new String[] {"user"});
        for (String[] args : bad) {
            String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--data", data())).toArray(String[]::new);
            CliRunner.Result r = CliRunner.runWithStdin("good-password\n", withData);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertTrue(CliRunner.hasHan(r.errLines().get(0)), r.err());
            assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
        }
        assertEquals(2, CliRunner.runWithStdin("", "user", "add", "zhang", "--role", "admin", "--data", data()).code(), "no password");
        assertEquals(2, CliRunner.runWithStdin("short\n", "user", "add", "zhang", "--role", "admin", "--data", data()).code());
        try (AuthStore store = Application.openAuth(tmp.resolve("data"))) {
            assertFalse(store.accounts().any());
        }
        assertEquals(0, CliRunner.runWithStdin("good-password\n", "user", "add", "zhang", "--role", "admin", "--data", data()).code());
        CliRunner.Result again = CliRunner.runWithStdin("good-password\n", "user", "add", "zhang", "--role", "admin", "--data", data());
        assertEquals(1, again.code(), "the name is taken: the command ran, the input failed");
        assertTrue(again.err().contains("已存在"), again.err());
    }

    @Test
    void serveRefusesANonLoopbackHostWithoutAccounts() throws Exception {
        Path empty = tmp.resolve("empty-samples");
        Files.createDirectories(empty);
        CliRunner.Result r = CliRunner.run("serve", "--host", "0.0.0.0", "--port", "0", "--samples", empty.toString(),
                "--data", data());
        assertEquals(2, r.code(), r.err());
        assertEquals(WebServer.OPEN_ON_NETWORK, r.errLines().get(0));
    }
}
