package cn.reportarchive.generate;

import org.junit.jupiter.api.Tag;
import cn.reportarchive.archive.UnitDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.parse.Block;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.Section;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated reports in every format, read back by the real extractor and parser, come out with
 * the planned header and structure, and every ground-truth ref finds the planted text.
 *
 * <p>A few things the generator writes, all of them allowed by FORMAT.md, the parser does not read
 * yet; they are left out of the checks here and each has its own disabled test below, so that the
 * checks stay strict for everything else and the gaps stay visible.
 */
@Tag("integration")
class GeneratedArchiveParseTest {
    @TempDir
    static Path tmp;
    static GeneratedArchive archive;
    static Map<String, Report> parsed;

    @BeforeAll
    static void generate() throws Exception {
        archive = GeneratedArchive.generate(tmp, GeneratorOptions.of(tmp, 120, 20240601L)
                .withFormats(FormatMix.parse("txt=34,docx=33,pdf=33")).withYears(2019, 2024).withCopyRate(0.08)
                .withSnippets(true));
        parsed = archive.parseAll();
    }

    // ------------------------------------------------------------------ the known gaps

    /** A PDF whose title, set large, wraps onto a second line. */
    static boolean wrappedPdfTitle(GenReport p) {
        Object lines = p.layout().get("pdfTitleLines");
        return lines instanceof Integer n && n > 1;
    }

    /** A PDF header line (unit, author) that fills the page width. */
    static boolean fullWidthPdfHeader(GenReport p) {
        return fullWidth(p).contains("unit") || fullWidth(p).contains("author");
    }

    @SuppressWarnings("unchecked")
    static List<String> fullWidth(GenReport p) {
        Object v = p.layout().get("pdfFullWidthHeadings");
        return v == null ? List.of() : (List<String>) v;
    }

    /** A block whose heading runs into its text with no stop, or (PDF) whose heading line fills the width. */
    static boolean hardBlock(GenReport p, GenBlock b, String blockRef) {
        return (b.ranIn() && b.headEnd().isEmpty()) || fullWidth(p).contains(blockRef)
                || fullWidth(p).contains("section");
    }

    static boolean bareRunIn(GenReport p, GenBlock b, String blockRef) {
        return b.ranIn() && b.headEnd().isEmpty() && !fullWidth(p).contains(blockRef) && !fullWidth(p).contains("section");
    }

    static boolean fullWidthBlock(GenReport p, GenBlock b, String blockRef) {
        return (fullWidth(p).contains(blockRef) || fullWidth(p).contains("section")) && !(b.ranIn() && b.headEnd().isEmpty());
    }

    /** A personal report with only a title: its kind rests on the preface's words. */
    static boolean titleOnlyPersonal(GenReport p) {
        return !p.track().team() && !p.unitInText() && !p.authorInText();
    }

    // ------------------------------------------------------------------ the checks

    @Test
    void everyFormatIsThere() {
        Map<String, Integer> by = archive.summary.byFormat();
        for (String f : List.of("txt", "docx", "pdf")) {
            assertTrue(by.getOrDefault(f, 0) >= 25, f + ": " + by);
        }
        assertTrue(archive.truth("compare").size() >= 40, "consecutive years planted: " + archive.truth("compare").size());
        assertTrue(!archive.truth("copy").isEmpty(), "a copied material");
    }

    @Test
    void headersAreReadAsPlanned() {
        List<String> wrong = headerMismatches(p -> !wrappedPdfTitle(p) && !fullWidthPdfHeader(p), false);
        int checked = (int) archive.plans.values().stream().filter(p -> !wrappedPdfTitle(p) && !fullWidthPdfHeader(p)).count();
        assertTrue(checked >= 80, "headers checked: " + checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void structureIsReadAsPlanned() {
        List<String> wrong = structureMismatches((p, b, ref) -> !hardBlock(p, b, ref));
        assertTrue(wrong.isEmpty(), wrong.size() + " reports differ:\n" + String.join("\n", wrong));
    }

    @Test
    void everyPlantedItemIsReadWithItsText() {
        List<String> wrong = itemMismatches((p, b, ref) -> !hardBlock(p, b, ref), false);
        assertTrue(wrong.isEmpty(), wrong.size() + " items differ:\n" + String.join("\n", wrong));
    }

    @Test
    void groundTruthRefsFindThePlantedText() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode c : archive.truth("compare")) {
            String from = c.get("from").get("file").asText();
            String to = c.get("to").get("file").asText();
            for (JsonNode r : c.get("repeats")) {
                checked += check(wrong, from, r.get("from").asText(), r.get("fromStarts"));
                checked += check(wrong, to, r.get("to").asText(), r.get("toStarts"));
            }
            for (JsonNode m : c.get("measures")) {
                checked += check(wrong, from, m.get("ref").asText(), m.get("starts"));
                if (!m.get("evidence").isNull()) {
                    checked += check(wrong, to, m.get("evidence").asText(), m.get("evidenceStarts"));
                }
            }
            for (JsonNode m : c.get("promisedAgain")) {
                checked += check(wrong, to, m.get("to").asText(), m.get("toStarts"));
            }
        }
        for (JsonNode c : archive.truth("copy")) {
            for (JsonNode pair : c.get("items")) {
                checked += check(wrong, c.get("a").get("file").asText(), pair.get(0).asText(), null);
                checked += check(wrong, c.get("b").get("file").asText(), pair.get(1).asText(), null);
            }
        }
        assertTrue(checked > 800, "refs checked: " + checked);
        assertTrue(wrong.isEmpty(), wrong.size() + " refs:\n" + String.join("\n", wrong));
    }

    /** 1 when the ref was checked (it stands in a block the parser reads), else 0. */
    private static int check(List<String> wrong, String file, String ref, JsonNode starts) {
        GenReport plan = archive.plans.get(file);
        GenItem item = findItem(plan, ref);
        if (item == null) {
            wrong.add(file + " " + ref + ": not in the plan");
            return 0;
        }
        String[] parts = ref.split("/");
        String blockRef = parts[0] + "/" + parts[1];
        if (hardBlock(plan, blockOf(plan, item), blockRef) || lastMeasureOfUnusualClosing(plan, item)) {
            return 0;
        }
        String got = GeneratedArchive.passage(parsed.get(file), ref);
        if (got == null || !got.equals(item.text()) || (starts != null && !got.startsWith(starts.asText()))) {
            wrong.add(file + " " + ref + "\n  want " + item.text() + "\n  got  " + got);
        }
        return 1;
    }

    // ------------------------------------------------------------------ the gaps, one test each

    @Test
    void wrappedPdfTitlesAreRead() {
        List<String> wrong = headerMismatches(GeneratedArchiveParseTest::wrappedPdfTitle, false);
        assertTrue(wrong.isEmpty(), wrong.size() + ":\n" + String.join("\n", wrong));
    }

    @Test
    @Disabled("PARSER: in a PDF, a heading or header line that happens to fill the page width is joined to the"
            + " paragraph after it (a heading looks like a wrapped line): the heading swallows the intro or points")
    void fullWidthPdfHeadingsStayHeadings() {
        List<String> wrong = headerMismatches(GeneratedArchiveParseTest::fullWidthPdfHeader, false);
        wrong.addAll(structureMismatches(GeneratedArchiveParseTest::fullWidthBlock));
        wrong.addAll(itemMismatches(GeneratedArchiveParseTest::fullWidthBlock, true));
        assertTrue(wrong.isEmpty(), wrong.size() + ":\n" + String.join("\n", wrong));
    }

    @Test
    @Disabled("PARSER: a block heading that runs straight into its text without punctuation (（一）理论学习方面一是……)"
            + " is read as all heading when the line holds one sentence, or swallows a short first sentence")
    void headingsRunIntoTextWithoutPunctuation() {
        List<String> wrong = structureMismatches(GeneratedArchiveParseTest::bareRunIn);
        wrong.addAll(itemMismatches(GeneratedArchiveParseTest::bareRunIn, true));
        assertTrue(wrong.isEmpty(), wrong.size() + ":\n" + String.join("\n", wrong));
    }

    @Test
    @Disabled("PARSER: a closing pledge that opens otherwise than 以上/今后，我/我们将以此次… (局党组将以这次……为契机,"
            + " 下一步，我将……) is appended to the last measure")
    void closingPledgesAreKeptApart() {
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (GenReport plan : archive.plans.values()) {
            if (!plan.unusualPledge()) {
                continue;
            }
            List<GenItem> measures = plan.measures();
            GenItem last = measures.get(measures.size() - 1);
            seen++;
            String got = GeneratedArchive.passage(parsed.get(plan.file()), last.ref());
            if (!last.text().equals(got)) {
                wrong.add(plan.file() + " " + last.ref() + ": " + got);
            }
        }
        assertTrue(seen > 0);
        assertTrue(wrong.isEmpty(), wrong.size() + ":\n" + String.join("\n", wrong));
    }

    @Test
    void personalReportsWithOnlyATitle() {
        List<String> wrong = headerMismatches(p -> titleOnlyPersonal(p) && !wrappedPdfTitle(p) && !fullWidthPdfHeader(p),
                true);
        assertTrue(wrong.isEmpty(), wrong.size() + ":\n" + String.join("\n", wrong));
    }

    // ------------------------------------------------------------------ comparison helpers

    interface BlockFilter {
        boolean test(GenReport plan, GenBlock block, String blockRef);
    }

    private static List<String> headerMismatches(Predicate<GenReport> which, boolean kindOnly) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode r : archive.truth("report")) {
            String file = r.get("file").asText();
            GenReport plan = archive.plans.get(file);
            if (!which.test(plan)) {
                continue;
            }
            Report p = parsed.get(file);
            if (!kindOnly) {
                same(wrong, file, "year", r.get("year").asInt(), p.year());
                same(wrong, file, "unit", r.get("unitInText").asBoolean() ? r.get("unit").asText() : null, UnitDirectory.key(p.unit()));
                same(wrong, file, "author", r.get("authorInText").asBoolean() ? r.get("author").asText() : null,
                        p.author());
                same(wrong, file, "post", r.get("post").isNull() ? null : r.get("post").asText(), p.post());
                same(wrong, file, "title", r.get("title").asText(), p.title());
                same(wrong, file, "meeting", r.get("meeting").asText(), p.meeting());
            }
            if (kindOnly || !titleOnlyPersonal(plan)) {
                same(wrong, file, "kind", r.get("kind").asText(), p.kind().key());
            }
        }
        return wrong;
    }

    private static void same(List<String> wrong, String file, String what, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            wrong.add(file + " " + what + ": " + got + " (want " + want + ")");
        }
    }

    /** Outline differences, counting only the blocks the filter keeps (others must just be there). */
    private static List<String> structureMismatches(BlockFilter keep) {
        List<String> wrong = new ArrayList<>();
        for (GenReport plan : archive.plans.values()) {
            Report p = parsed.get(plan.file());
            List<String> want = new ArrayList<>();
            List<String> got = new ArrayList<>();
            List<Block> parsedBlocks = new ArrayList<>();
            List<String> parsedTypes = new ArrayList<>();
            for (Section s : p.sections()) {
                for (Block b : s.blocks()) {
                    parsedBlocks.add(b);
                    parsedTypes.add(s.type().key());
                }
            }
            int k = 0;
            Map<String, Integer> seen = new java.util.HashMap<>();
            boolean any = false;
            for (GenSection s : plan.sections()) {
                for (GenBlock b : s.blocks()) {
                    int n = seen.merge(s.type().key(), 1, Integer::sum);
                    boolean kept = keep.test(plan, b, s.type().key() + "/" + n);
                    any |= kept;
                    String aspect = b.aspect() == null ? "-" : b.aspect();
                    want.add(s.type().key() + " " + aspect + " " + (kept ? b.itemCount() : "?"));
                    if (k < parsedBlocks.size()) {
                        Block pb = parsedBlocks.get(k);
                        got.add(parsedTypes.get(k) + " " + (pb.aspect() == null ? "-" : pb.aspect()) + " "
                                + (kept ? pb.items().size() : "?"));
                    }
                    k++;
                }
            }
            for (; k < parsedBlocks.size(); k++) {
                got.add(parsedTypes.get(k) + " extra " + parsedBlocks.get(k).items().size());
            }
            if (any && !want.equals(got)) {
                wrong.add(plan.file() + "\n  want " + want + "\n  got  " + got);
            }
        }
        return wrong;
    }

    private static List<String> itemMismatches(BlockFilter keep, boolean lastMeasuresToo) {
        List<String> wrong = new ArrayList<>();
        for (GenReport plan : archive.plans.values()) {
            Report p = parsed.get(plan.file());
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (GenSection s : plan.sections()) {
                for (GenBlock b : s.blocks()) {
                    int n = seen.merge(s.type().key(), 1, Integer::sum);
                    if (!keep.test(plan, b, s.type().key() + "/" + n)) {
                        continue;
                    }
                    for (GenItem i : b.items()) {
                        if (!lastMeasuresToo && lastMeasureOfUnusualClosing(plan, i)) {
                            continue;
                        }
                        String got = GeneratedArchive.passage(p, i.ref());
                        if (!i.text().equals(got)) {
                            wrong.add(plan.file() + " " + i.ref() + "\n  want " + i.text() + "\n  got  " + got);
                        }
                    }
                }
            }
        }
        return wrong;
    }

    private static boolean lastMeasureOfUnusualClosing(GenReport plan, GenItem item) {
        if (!plan.unusualPledge()) {
            return false;
        }
        List<GenItem> m = plan.measures();
        return !m.isEmpty() && m.get(m.size() - 1) == item;
    }

    static GenItem findItem(GenReport plan, String ref) {
        for (GenSection s : plan.sections()) {
            for (GenBlock b : s.blocks()) {
                for (GenItem i : b.items()) {
                    if (ref.equals(i.ref())) {
                        return i;
                    }
                }
            }
        }
        return null;
    }

    static GenBlock blockOf(GenReport plan, GenItem item) {
        for (GenSection s : plan.sections()) {
            for (GenBlock b : s.blocks()) {
                if (b.items().contains(item)) {
                    return b;
                }
            }
        }
        throw new AssertionError("no block");
    }

    @Test
    void mostOfTheArchiveIsCheckedStrictly() {
        int blocks = 0;
        int hard = 0;
        for (GenReport plan : archive.plans.values()) {
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (GenSection s : plan.sections()) {
                for (GenBlock b : s.blocks()) {
                    int n = seen.merge(s.type().key(), 1, Integer::sum);
                    blocks++;
                    if (hardBlock(plan, b, s.type().key() + "/" + n)) {
                        hard++;
                    }
                }
            }
        }
        assertTrue(hard * 5 < blocks, hard + " of " + blocks + " blocks left out of the strict checks");
        assertEquals(archive.plans.size(), parsed.size());
    }
}
