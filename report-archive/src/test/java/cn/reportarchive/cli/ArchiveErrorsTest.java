package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.extract.ExtractionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Failures that are not the user's typing: one Chinese sentence, no Java names, a fitting exit code. */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ArchiveErrorsTest {
    @TempDir
    Path tmp;

    private static void assertOneChineseSentence(CliRunner.Result r) {
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(CliRunner.hasHan(r.errLines().get(0)), r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
        assertFalse(r.err().matches("(?s).*\\b(java|org)\\.[a-z]+\\..*"), "no Java class names: " + r.err());
    }

    @Test
    void archiveInUseByAnotherProcessIsExplained() throws Exception {
        Path data = tmp.resolve("data");
        try (Application busy = Application.open(data, ExtractionLimits.defaults())) {
            CliRunner.Result r = CliRunner.run("list", "--data", data.toString(), "--json");
            assertEquals(1, r.code(), r.err());
            assertEquals("", r.out().strip());
            assertOneChineseSentence(r);
        }
        assertEquals(0, CliRunner.run("list", "--data", data.toString(), "--json").code(), "free again once closed");
    }

    @Test
    void dataDirThatIsAFileIsExplainedInChinese() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        CliRunner.Result r = CliRunner.run("list", "--data", file.toString(), "--json");
        assertTrue(r.code() == 1 || r.code() == 2, "exit " + r.code());
        assertOneChineseSentence(r);
    }

    @Test
    void fuzzyOperatorGivesResultsOrExitTwoWithAChineseSentence() {
        Path data = tmp.resolve("data");
        Path file = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt").get(0);
        assertEquals(0, CliRunner.run("import", file.toString(), "--data", data.toString()).code());
        CliRunner.Result r = CliRunner.run("search", "群众~", "--data", data.toString(), "--json");
        if (r.code() != 0) {
            assertEquals(2, r.code(), r.err());
            assertOneChineseSentence(r);
        }
    }
}
