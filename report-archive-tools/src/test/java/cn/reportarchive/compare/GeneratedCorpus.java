package cn.reportarchive.compare;

import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.generate.ArchiveGenerator;
import cn.reportarchive.generate.GeneratorOptions;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A generated archive read as the importer reads it (real extractor and parser), with its ground
 * truth and pair weights counted over its passages as the index counts them.
 */
final class GeneratedCorpus {
    final Map<String, Report> reports = new LinkedHashMap<>();
    final List<JsonNode> truth = new ArrayList<>();
    final GramWeights weights;

    GeneratedCorpus(Path dir, GeneratorOptions options) throws Exception {
        new ArchiveGenerator(options, new PrintStream(OutputStream.nullOutputStream())).run();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("ground-truth.jsonl"), StandardCharsets.UTF_8)) {
            truth.add(json.readTree(line));
        }
        ReportParser parser = new ReportParser(AspectTaxonomy.defaults());
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer());
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(f).toString();
                if (name.endsWith(".jsonl") || name.endsWith(".csv")) {
                    continue;
                }
                Report r = parser.parse(extractor.extract(Files.readAllBytes(f), name).text());
                reports.put(name, r.withSource(name, null, name, null));
            }
        }
        Map<Integer, Integer> df = new HashMap<>();
        long passages = 0;
        for (Report r : reports.values()) {
            for (Passage p : Passages.of(r)) {
                passages++;
                for (int g : TextKey.grams(TextKey.of(p.text()))) {
                    df.merge(g, 1, Integer::sum);
                }
            }
        }
        weights = GramWeights.fromFrequencies(df, passages);
    }

    List<JsonNode> truth(String type) {
        return truth.stream().filter(n -> n.get("type").asText().equals(type)).toList();
    }
}
