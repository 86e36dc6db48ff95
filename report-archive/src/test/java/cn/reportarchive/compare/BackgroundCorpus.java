package cn.reportarchive.compare;

import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.ReportParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fixed pair weights for the quality tests: document frequencies of character pairs over the
 * passages of the sample archive (sample-docs, every format, read as the importer reads them) and
 * of the development corpus (src/test/resources/corpus/dev/*.txt), counted as the index counts them.
 * Both sets are in the repository, so the figures a test writes are the same on every run; the
 * holdout corpus is left out so that nothing the tests score against is also background.
 */
final class BackgroundCorpus {
    private BackgroundCorpus() {
    }

    static GramWeights weights() throws Exception {
        ReportParser parser = new ReportParser(AspectTaxonomy.defaults());
        Map<Integer, Integer> df = new HashMap<>();
        long passages = 0;
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer())) {
            for (Path f : files()) {
                String name = f.getFileName().toString();
                for (Passage p : Passages.of(parser.parse(extractor.extract(Files.readAllBytes(f), name).text()))) {
                    passages++;
                    for (int g : TextKey.grams(TextKey.of(p.text()))) {
                        df.merge(g, 1, Integer::sum);
                    }
                }
            }
        }
        return GramWeights.fromFrequencies(df, passages);
    }

    /** The background's reports, each as the texts of its passages. */
    static List<List<String>> reports() throws Exception {
        ReportParser parser = new ReportParser(AspectTaxonomy.defaults());
        List<List<String>> out = new java.util.ArrayList<>();
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer())) {
            for (Path f : files()) {
                String name = f.getFileName().toString();
                out.add(Passages.of(parser.parse(extractor.extract(Files.readAllBytes(f), name).text())).stream()
                        .map(Passage::text).toList());
            }
        }
        return out;
    }

    private static List<Path> files() throws Exception {
        try (Stream<Path> samples = Files.list(Path.of("sample-docs"));
                Stream<Path> dev = Files.list(Path.of("report-archive/src/test/resources/corpus/dev"))) {
            return Stream.concat(
                    samples.filter(f -> !f.toString().endsWith(".json") && !f.toString().endsWith(".csv")),
                    dev.filter(f -> f.toString().endsWith(".txt"))).sorted().toList();
        }
    }
}
