package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-draft on the terminal names similarities in percent, as compare does (87%, 相似度 ≥ 64%), not
 * as fractions (0.87). Fixtures: a 县人社局's 2023 and 2024 team reports written for this test.
 */
class CheckDraftPercentTest {
    static final Path FIXTURES = fixtures();

    static Path fixtures() {
        try {
            return Path.of(CheckDraftPercentTest.class.getResource("/review15").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path tmp;

    @Test
    void similaritiesArePercentages() {
        String data = tmp.resolve("data").toString();
        CliRunner.Result imported = CliRunner.run("import", FIXTURES.resolve("songhe-rsj-2023.txt").toString(), "--data", data);
        assertEquals(0, imported.code(), imported.err());
        CliRunner.Result r = CliRunner.run("check-draft", FIXTURES.resolve("songhe-rsj-2024.txt").toString(),
                "--unit", "松河县人力资源和社会保障局", "--data", data);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("相似度 ≥ 64%"), r.out());
        assertTrue(Pattern.compile("(?m)^\\s+\\d{1,3}%\\s+草稿问题（").matcher(r.out()).find(), r.out());
        assertFalse(Pattern.compile("\\b0\\.\\d\\d\\b").matcher(r.out()).find(), r.out());
    }
}
