package cn.reportarchive.compare;

import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.SectionType;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tuning aid (skipped unless {@code -Dtuning.features=true}): every point of the tune problems, of
 * the generated set's year pairs and of the fixed background, with its words (weight, synonym
 * classes) and character pairs (weight), to target/features/, so that features and decisions can be
 * tried outside the build. Tune and the generated set only; never a held-out file.
 */
class FeatureDump {
    @TempDir
    Path tmp;

    @Test
    void dump() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.features"));
        Path dir = Path.of("target/features");
        Files.createDirectories(dir);
        WordView view = new WordView(SynonymClasses.load());
        Similarity tuneSim = new Similarity(BackgroundCorpus.weights(), view);
        StringBuilder points = new StringBuilder();
        StringBuilder cells = new StringBuilder();
        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        for (int k = 0; k < tune.size(); k++) {
            ParaphraseSet.Pair p = tune.get(k);
            point(points, tuneSim, "T", "a" + k, p.kind(), p.a());
            point(points, tuneSim, "T", "b" + k, p.kind(), p.b());
            cells.append("T\t").append(k).append('\t').append(p.same() ? 1 : 0).append('\t').append(p.kind()).append('\n');
        }
        int bn = 0;
        for (List<String> report : BackgroundCorpus.reports()) {
            bn++;
            int pn = 0;
            for (String text : report) {
                point(points, tuneSim, "B", bn + "_" + (pn++), "-", text);
            }
        }
        for (ParaphraseSet.Case c : ParaphraseSet.measures("tune")) {
            point(points, tuneSim, "M", c.id() + "_problem", c.status(), c.problem());
            point(points, tuneSim, "M", c.id() + "_measure", c.status(), c.measure());
            int q = 0;
            for (String part : InlineParts.of(c.measure())) {
                point(points, tuneSim, "M", c.id() + "_part" + (q++), c.status(), part);
            }
            if (c.account() != null) {
                point(points, tuneSim, "M", c.id() + "_account", c.status(), c.account());
            }
            if (c.laterProblem() != null) {
                point(points, tuneSim, "M", c.id() + "_later", c.status(), c.laterProblem());
            }
        }
        GeneratedCorpus corpus = new GeneratedCorpus(tmp, cn.reportarchive.generate.GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(cn.reportarchive.generate.FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
        Similarity gs = new Similarity(corpus.weights, view);
        int pairNo = 0;
        StringBuilder truth = new StringBuilder();
        for (JsonNode c : corpus.truth("compare")) {
            pairNo++;
            Report from = corpus.reports.get(c.get("from").get("file").asText());
            Report to = corpus.reports.get(c.get("to").get("file").asText());
            List<Point> fp = ReportPoints.of(from, SectionType.PROBLEMS);
            List<Point> tp = ReportPoints.of(to, SectionType.PROBLEMS);
            for (int i = 0; i < fp.size(); i++) {
                point(points, gs, "G", pairNo + "_f" + i, fp.get(i).aspect(), fp.get(i).text());
            }
            for (int j = 0; j < tp.size(); j++) {
                point(points, gs, "G", pairNo + "_t" + j, tp.get(j).aspect(), tp.get(j).text());
            }
            Set<String> planted = new HashSet<>();
            c.get("repeats").forEach(r -> planted.add(r.get("from").asText() + ">" + r.get("to").asText()));
            for (int j = 0; j < tp.size(); j++) {
                for (int i = 0; i < fp.size(); i++) {
                    if (planted.contains(fp.get(i).ref() + ">" + tp.get(j).ref())) {
                        truth.append("G\t").append(pairNo).append('\t').append(j).append('\t').append(i).append('\n');
                    }
                }
            }
            cells.append("GN\t").append(pairNo).append('\t').append(fp.size()).append('\t').append(tp.size()).append('\n');
        }
        Files.writeString(dir.resolve("points.tsv"), points, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("cells.tsv"), cells.append(truth), StandardCharsets.UTF_8);
    }

    private static void point(StringBuilder out, Similarity sim, String set, String id, String tag, String text) {
        Similarity.Prepared p = sim.prepare(text);
        out.append(set).append('\t').append(id).append('\t').append(tag).append('\t').append(text.replace('\t', ' ').replace('\n', ' ')).append('\t');
        for (int i = 0; i < p.words().size(); i++) {
            WordView.Word w = p.words().get(i);
            out.append(i == 0 ? "" : "|").append(w.text()).append(':').append(String.format(Locale.ROOT, "%.4f", p.wordWeights()[i])).append(':');
            for (int c = 0; c < w.classes().length; c++) {
                out.append(c == 0 ? "" : ",").append(w.classes()[c]);
            }
        }
        out.append('\t');
        for (int i = 0; i < p.grams().length; i++) {
            out.append(i == 0 ? "" : "|").append(p.grams()[i]).append(':').append(String.format(Locale.ROOT, "%.4f", p.gramWeights()[i]));
        }
        out.append('\n');
    }
}
