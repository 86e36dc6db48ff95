package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.extract.BadFiles;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of hostile and broken files ({@link BadFiles}) through the archive, as an upload or an
 * import takes them: each ends with one Chinese sentence that says why, and then nothing in the
 * archive has changed (catalog, originals, index: every file byte for byte), or with a sensible
 * import under a clean name.
 */
@Tag("integration")
class HostileFilesTest {
    @TempDir
    static Path data;
    private static Application app;
    private static String resident;

    @BeforeAll
    static void open() throws Exception {
        app = Application.open(data, new ExtractionLimits(ExtractionLimits.DEFAULT_MAX_BYTES, Duration.ofSeconds(60),
                BadFiles.MAX_CHARS));
        // an archive with a report in it: a failure must leave it exactly as it was
        resident = app.archive().importFile("resident.txt", ArchiveFixture.report("中共临江县林业局党组", "2023",
                "学习不够系统。"), ImportMetadata.NONE).id();
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    static List<BadFiles.BadFile> corpus() {
        return BadFiles.corpus();
    }

    @Test
    void theCorpusHasAtLeastFiftyFiles() {
        assertTrue(corpus().size() >= 50, "only " + corpus().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsWithASentenceOrASensibleImport(BadFiles.BadFile bad) throws Exception {
        Map<String, String> before = ArchiveState.of(data);
        ImportOutcome outcome = app.archive().importFile(bad.filename(), bad.bytes().get(), ImportMetadata.NONE);
        if (!bad.expect().imports()) {
            assertEquals(ImportOutcome.Status.FAILED, outcome.status(), bad + ": " + outcome.error());
            assertOneChineseSentence(outcome.error());
            assertTrue(bad.expect().reasons().stream().anyMatch(outcome.error()::contains),
                    bad + ": expected one of " + bad.expect().reasons() + " in: " + outcome.error());
            assertEquals(before, ArchiveState.of(data), bad + " changed the archive");
            assertEquals(Set.of(resident), app.archive().ids());
            assertEquals(Set.of(resident), app.archive().index().reportIds());
            return;
        }
        assertEquals(ImportOutcome.Status.IMPORTED, outcome.status(), bad + ": " + outcome.error());
        Report report = app.archive().get(outcome.id()).orElseThrow();
        String text = report.title() + "\n" + Passages.of(report).stream().map(Passage::text)
                .collect(Collectors.joining("\n"));
        assertTrue(bad.expect().text().test(text), bad + ": unexpected text " + text.substring(0, Math.min(300, text.length())));
        assertCleanName(report.filename());
        assertEquals(Set.of(resident, outcome.id()), app.archive().index().reportIds());
        assertTrue(app.archive().delete(outcome.id()));
    }

    static void assertOneChineseSentence(String error) {
        assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
        assertTrue(error.endsWith("。"), "not a sentence: " + error);
        assertEquals(1, error.chars().filter(c -> c == '。').count(), "more than one sentence: " + error);
        assertFalse(error.contains("\n") || error.contains("Exception") || error.contains("at org.")
                || error.contains("at java."), "technical detail shown: " + error);
        assertTrue(error.length() < 160, "too long: " + error);
    }

    static void assertCleanName(String name) {
        assertFalse(name.contains("/") || name.contains("\\") || name.contains(".."), name);
        assertTrue(name.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT), name);
        assertTrue(name.codePointCount(0, name.length()) <= FileNames.MAX_LENGTH, name);
        assertFalse(name.isBlank());
    }
}
