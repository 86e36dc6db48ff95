package cn.reportarchive.generate;

import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated archive for the tests: the files, the plan behind each (through the generator's
 * listener), the ground truth read back from ground-truth.jsonl, and each file as the real
 * extractor and parser read it.
 */
final class GeneratedArchive {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final ArchiveGenerator.Summary summary;
    final String stderr;
    final Map<String, GenReport> plans = new LinkedHashMap<>();
    final List<JsonNode> truth = new ArrayList<>();
    private final Map<String, Report> parsed = new LinkedHashMap<>();

    private GeneratedArchive(Path dir, GeneratorOptions options) throws IOException {
        this.dir = dir;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            summary = new ArchiveGenerator(options, ps).onReport(r -> plans.put(r.file(), r)).run();
        }
        stderr = err.toString(StandardCharsets.UTF_8);
        for (String line : Files.readAllLines(dir.resolve("ground-truth.jsonl"), StandardCharsets.UTF_8)) {
            truth.add(JSON.readTree(line));
        }
    }

    static GeneratedArchive generate(Path dir, GeneratorOptions options) throws IOException {
        return new GeneratedArchive(dir, options);
    }

    List<JsonNode> truth(String type) {
        return truth.stream().filter(n -> n.get("type").asText().equals(type)).toList();
    }

    /** Every file extracted and parsed as the importer does it. */
    Map<String, Report> parseAll() throws Exception {
        if (parsed.isEmpty()) {
            ReportParser parser = new ReportParser(AspectTaxonomy.defaults());
            try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer())) {
                for (String file : plans.keySet()) {
                    byte[] bytes = Files.readAllBytes(dir.resolve(file));
                    parsed.put(file, parser.parse(extractor.extract(bytes, file).text()));
                }
            }
        }
        return parsed;
    }

    static String passage(Report report, String ref) {
        return Passages.of(report).stream().filter(p -> p.ref().toString().equals(ref)).map(Passage::text).findFirst()
                .orElse(null);
    }

    static {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    }
}
