package cn.reportarchive.parse;

import cn.reportarchive.archive.UnitDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every sample document, in the format it was saved in, parsed and held against the answer key
 * written with the samples: header, sections, blocks, aspects and item counts, and the refs of
 * the planted repeats and measures.
 */
class SampleArchiveParseTest {
    private static final Path SAMPLES = Path.of("sample-docs");
    private static JsonNode key;
    private static final Map<String, Report> parsed = new HashMap<>();

    @BeforeAll
    static void parseAll() throws Exception {
        key = new ObjectMapper().readTree(SAMPLES.resolve("answer-key.json").toFile());
        ReportParser parser = new ReportParser(AspectTaxonomy.defaults());
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer())) {
            for (JsonNode expected : key.get("reports")) {
                String file = expected.get("file").asText();
                byte[] bytes = Files.readAllBytes(SAMPLES.resolve(file));
                parsed.put(file, parser.parse(extractor.extract(bytes, file).text()));
            }
        }
    }

    @Test
    void theKeyCoversTheWholeSampleArchive() throws Exception {
        try (var files = Files.list(SAMPLES)) {
            long documents = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches(".*\\.(docx|doc|wps|pdf|txt)")).count();
            assertEquals(documents, parsed.size());
        }
        assertTrue(parsed.size() >= 12);
    }

    @Test
    void headersMatchTheKey() {
        for (JsonNode expected : key.get("reports")) {
            Report r = parsed.get(expected.get("file").asText());
            String file = expected.get("file").asText();
            assertEquals(expected.get("title").asText(), r.title(), file);
            assertEquals(expected.get("year").asInt(), r.year(), file);
            assertEquals(text(expected, "unit"), UnitDirectory.key(r.unit()), file); // the archive resolves the written name
            assertEquals(text(expected, "author"), r.author(), file);
            assertEquals(text(expected, "post"), r.post(), file);
            assertEquals(expected.get("kind").asText(), r.kind().key(), file);
            assertEquals(expected.get("meeting").asText(), r.meeting(), file);
        }
    }

    @Test
    void structureMatchesTheKey() {
        for (JsonNode expected : key.get("reports")) {
            String file = expected.get("file").asText();
            assertEquals(outline(expected), outline(parsed.get(file)), file);
        }
    }

    @Test
    void plantedRepeatsAndMeasuresStandAtTheirRefs() {
        int checked = 0;
        for (JsonNode repeat : key.get("repeats")) {
            checkRef(repeat, repeat.get("from"));
            checkRef(repeat, repeat.get("to"));
            checked += 2;
        }
        for (JsonNode measure : key.get("measures")) {
            checkRef(measure, measure);
            if (!measure.get("evidence").isNull()) {
                checkRef(measure, measure.get("evidence"));
            }
            checked++;
        }
        assertTrue(checked > 50, "the key plants enough to test against: " + checked);
    }

    @Test
    void noItemSwallowsTheClosingPledge() {
        for (Report r : parsed.values()) {
            for (Section s : r.sections()) {
                for (Block b : s.blocks()) {
                    for (Item i : b.items()) {
                        assertFalse(i.text().contains("恳请") || i.text().matches(".*\\d{4}年\\d{1,2}月\\d{1,2}日$")
                                        || i.text().matches(".*(以|把)(这次|此次|本次).{0,30}(契机|起点).*"),
                                r.title() + " " + i.text());
                    }
                }
            }
        }
    }

    private static void checkRef(JsonNode owner, JsonNode at) {
        Report report = find(owner.get("unit").asText(), at.get("year").asInt(), text(owner, "author"));
        String ref = at.get("ref").asText();
        String passage = Passages.of(report).stream().filter(p -> p.ref().toString().equals(ref)).map(Passage::text)
                .findFirst().orElseThrow(() -> new AssertionError(report.title() + " has no " + ref));
        String starts = at.get("starts").asText();
        assertTrue(passage.startsWith(starts), report.title() + " " + ref + ": " + passage + " / " + starts);
    }

    private static Report find(String unit, int year, String author) {
        List<String> files = new ArrayList<>();
        for (JsonNode r : key.get("reports")) {
            String u = r.hasNonNull("unit") ? r.get("unit").asText() : text(r, "importUnit");
            if (unit.equals(u) && r.get("year").asInt() == year && Objects.equals(author, text(r, "author"))) {
                files.add(r.get("file").asText());
            }
        }
        assertEquals(1, files.size(), unit + " " + year + " " + author);
        return parsed.get(files.get(0));
    }

    private static List<String> outline(JsonNode expected) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : expected.get("sections")) {
            for (JsonNode b : s.get("blocks")) {
                out.add(s.get("type").asText() + " " + text(b, "aspect") + " " + b.get("items").asInt());
            }
        }
        return out;
    }

    private static List<String> outline(Report report) {
        List<String> out = new ArrayList<>();
        for (Section s : report.sections()) {
            for (Block b : s.blocks()) {
                out.add(s.type().key() + " " + b.aspect() + " " + b.items().size());
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
