package cn.reportarchive.cli;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-draft as INTERFACE.md fixes it: a Compare result whose to.reportId is null, exit codes, nothing stored. */
@Tag("integration")
class CheckDraftCommandTest {
    @TempDir
    static Path tmp;
    static String data;
    static final Path DRAFT = Path.of("tools/samples/linjiang-czj-2023.txt").toAbsolutePath();

    @BeforeAll
    static void archive() {
        data = CliRunner.importSamples(tmp, "linjiang-czj-2022.docx");
    }

    @Test
    void aDraftIsComparedWithTheYearBefore() {
        CliRunner.Result r = CliRunner.run("check-draft", DRAFT.toString(), "--unit", "临江县财政局", "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode c = r.json();
        assertTrue(c.get("to").get("reportId").isNull());
        assertEquals(2023, c.get("to").get("year").asInt());
        assertEquals(2022, c.get("from").get("year").asInt());
        for (String field : new String[] {"unit", "author", "from", "to", "aspects", "repeats", "measures"}) {
            assertTrue(c.has(field), field);
        }
        assertEquals(6, c.get("repeats").size());
        assertTrue(c.get("notAccounted").get("message").asText().contains("条上年措施在草稿中未见下文"));
        CliRunner.Result plain = CliRunner.run("check-draft", DRAFT.toString(), "--unit", "临江县财政局", "--data", data);
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains("未见下文") && plain.out().contains("措施（"), plain.out());
        // nothing stored: the archive still holds its one report
        CliRunner.Result list = CliRunner.run("list", "--data", data, "--json");
        assertEquals(1, list.json().size());
    }

    @Test
    void badDraftsExitWithOneSentence() throws Exception {
        Path notReport = tmp.resolve("notice.txt");
        Files.writeString(notReport, "关于召开安全生产会议的通知\n请各股室负责人准时参加。", StandardCharsets.UTF_8);
        Path empty = Files.createFile(tmp.resolve("empty.docx"));
        String[][] cases = {
                {"1", notReport.toString(), "--unit", "临江县财政局"},
                {"1", empty.toString(), "--unit", "临江县财政局"},
                {"1", DRAFT.toString(), "--unit", "云溪镇"},
                {"1", DRAFT.toString(), "--unit", "临江县财政局", "--year", "2022"},
                {"1", tmp.resolve("missing.docx").toString(), "--unit", "临江县财政局"},
                {"2", DRAFT.toString()},
                {"2", DRAFT.toString(), "--unit", "临江县财政局", "--year", "明年"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 3];
            args[0] = "check-draft";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            args[c.length] = "--data";
            args[c.length + 1] = data;
            args[c.length + 2] = "--json";
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(Integer.parseInt(c[0]), r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(CliRunner.hasHan(r.err()), r.err());
            assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
            assertEquals("", r.out());
        }
        CliRunner.Result noArchive = CliRunner.run("check-draft", DRAFT.toString(), "--unit", "临江县财政局",
                "--data", tmp.resolve("nowhere").toString());
        assertEquals(2, noArchive.code(), noArchive.err());
        assertFalse(Files.exists(tmp.resolve("nowhere")), "a check creates no archive");
        assertEquals(1, CliRunner.run("list", "--data", data, "--json").json().size());
    }
}
