package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.auth.AuditEntry;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.auth.AuthStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 9 of the security review: the command line's import, backup, restore, template and user commands leave a trace. */
@Tag("integration")
class CommandAuditTest {
    @TempDir
    Path tmp;

    @Test
    void everyChangingCommandIsRecordedWithTheSystemUser() throws Exception {
        Path data = tmp.resolve("data");
        List<Path> files = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt", "linjiang-sjj-2022.txt");
        assertEquals(0, CliRunner.run("import", tmp.resolve("in").toString(), "--data", data.toString()).code());
        CliRunner.Result added = CliRunner.run("template", "add", files.get(0).toString(), "--name", "范文", "--data", data.toString());
        assertEquals(0, added.code(), added.err());
        String templateId = added.out().strip().split(" ")[0];
        assertEquals(0, CliRunner.run("template", "remove", templateId, "--data", data.toString()).code());
        assertEquals(0, CliRunner.run("user", "list", "--data", data.toString()).code());
        CliRunner.Result policy = CliRunner.run("user", "policy", "--min-length", "12", "--max-age-days", "90", "--data", data.toString());
        assertEquals(0, policy.code(), policy.err());
        assertTrue(policy.out().contains("至少 12 个字符") && policy.out().contains("每 90 天须更换"), policy.out());
        assertEquals(2, CliRunner.run("user", "policy", "--min-length", "4", "--data", data.toString()).code(), "below the defaults");
        assertEquals(0, CliRunner.run("backup", tmp.resolve("b.zip").toString(), "--data", data.toString()).code());
        assertEquals(0, CliRunner.run("reindex", "--data", data.toString()).code());
        try (AuthStore store = Application.openAuth(data)) {
            List<AuditEntry> all = store.audit().query(AuditQuery.all()).entries();
            List<String> actions = all.stream().map(AuditEntry::action).toList();
            for (String a : List.of("import", "template-add", "template-remove", "user-list", "password-policy", "backup", "reindex")) {
                assertTrue(actions.contains(a), a + " in " + actions);
            }
            AuditEntry imported = all.stream().filter(e -> e.action().equals("import")).findFirst().orElseThrow();
            assertEquals(2, ((Number) imported.detail().get("imported")).intValue());
            assertTrue(all.stream().allMatch(e -> e.address().startsWith("命令行")), all.toString());
        }
        Path restored = tmp.resolve("restored");
        assertEquals(0, CliRunner.run("restore", tmp.resolve("b.zip").toString(), "--data", restored.toString()).code());
        try (AuthStore store = Application.openAuth(restored)) {
            assertEquals("restore", store.audit().query(AuditQuery.all()).entries().get(0).action());
        }
    }
}
