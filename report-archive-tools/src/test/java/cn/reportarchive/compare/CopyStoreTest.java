package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.Corrections;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.generate.ArchiveGenerator;
import cn.reportarchive.generate.FormatMix;
import cn.reportarchive.generate.GeneratorOptions;
import cn.reportarchive.parse.Correction.Field;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy store kept in step with the archive: reports imported, deleted and corrected one by one
 * give the same stored texts, pairs and groups as the store built from scratch from the archive as
 * it ends up; a printed share stays put when unrelated reports arrive; the list and the 查重 of a
 * pair print one share.
 */
class CopyStoreTest {
    @TempDir
    static Path tmp;
    static List<Path> files;

    @BeforeAll
    static void generate() throws Exception {
        Path out = tmp.resolve("gen");
        new ArchiveGenerator(GeneratorOptions.of(out, 120, 20261203L).withFormats(FormatMix.parse("txt=100"))
                .withYears(2021, 2024).withCopyRate(0.3), new PrintStream(OutputStream.nullOutputStream())).run();
        try (Stream<Path> all = Files.walk(out)) {
            files = all.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Corrections.Request set(Field field, String value) {
        Map<Field, String> m = new EnumMap<>(Field.class);
        m.put(field, value);
        return new Corrections.Request(m, Map.of());
    }

    private static String importFile(Application app, Path f) throws Exception {
        return app.archive().importFile(f.getFileName().toString(), Files.readAllBytes(f), ImportMetadata.NONE).id();
    }

    /** What the archive-wide answers say, in a form two stores can be compared by. */
    private static List<String> answers(Application app) throws Exception {
        List<String> out = new ArrayList<>();
        for (CopyCheck.Pair p : app.copies().pairs(1000)) {
            out.add("pair " + p.copy().reportId() + " <- " + p.source().reportId() + " " + p.share() + " " + p.copy().unit());
        }
        for (CommonProblems.Group g : app.compare().common(null, 1000)) {
            out.add("group " + g.units() + " " + g.reports() + " " + g.text() + " "
                    + g.examples().stream().map(l -> l.reportId() + "/" + l.ref()).toList());
        }
        for (CommonProblems.Group g : app.compare().common(2023, 1000)) {
            out.add("group2023 " + g.units() + " " + g.reports() + " " + g.text());
        }
        return out;
    }

    private static Set<String> storedTexts(Path data) throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("copies.db"));
             Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM texts")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Test
    void importsDeletionsAndCorrectionsKeepTheStoreAsAFreshBuildWouldBe() throws Exception {
        Path data = tmp.resolve("data");
        List<String> kept;
        List<String> ids = new ArrayList<>();
        try (Application app = Application.open(data, ExtractionLimits.defaults())) {
            for (Path f : files.subList(0, 100)) {
                ids.add(importFile(app, f));
            }
            System.out.println("pairs after 100 imports: " + app.copies().pairs(1000).size());
            assertFalse(app.copies().pairs(1000).isEmpty(), "the generated set plants copies");
            // deleted: five reports, among them one of a listed pair
            String listedCopy = app.copies().pairs(1000).get(0).copy().reportId();
            assertTrue(app.archive().delete(listedCopy));
            for (String id : ids.subList(10, 14)) {
                app.archive().delete(id);
            }
            assertTrue(app.copies().pairs(1000).stream().noneMatch(p -> p.copy().reportId().equals(listedCopy)
                    || p.source().reportId().equals(listedCopy)));
            // corrected: units and years changed in place (pairs turn round, groups gain or lose units)
            app.archive().edit(ids.get(20), set(Field.UNIT, "云溪县审计局"), "test");
            app.archive().edit(ids.get(21), set(Field.YEAR, "2019"), "test");
            app.archive().edit(ids.get(22), set(Field.UNIT, "云溪县审计局"), "test");
            for (Path f : files.subList(100, files.size())) {
                importFile(app, f);
            }
            app.archive().edit(ids.get(30), set(Field.AUTHOR, "李某某"), "test");
            kept = answers(app);
            assertEquals(new TreeSet<>(app.archive().ids()), storedTexts(data), "one stored text per report");
        }
        try (Application app = Application.open(data, ExtractionLimits.defaults())) {
            assertEquals(kept, answers(app), "the same answers after a restart");
        }
        // built again from scratch (every text read from the archive in id order, not in import order),
        // under the snapshot the figures were stated in
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("copies.db"));
             Statement s = db.createStatement()) {
            for (String t : List.of("texts", "pairs", "points", "bands", "links", "dirty")) {
                s.executeUpdate("DELETE FROM " + t);
            }
        }
        Files.delete(data.resolve("copies.prints"));
        try (Application app = Application.open(data, ExtractionLimits.defaults())) {
            List<String> fresh = answers(app);
            Files.writeString(Path.of("target/copy-store-kept.txt"), String.join("\n", kept));
            Files.writeString(Path.of("target/copy-store-fresh.txt"), String.join("\n", fresh));
            assertEquals(String.join("\n", kept), String.join("\n", fresh));
            assertTrue(kept.stream().anyMatch(s -> s.startsWith("group ")), "some problems are common to several units");
        }
        // and with everything gone, snapshot too: built again, under a new snapshot over the texts as they are
        for (String f : List.of("copies.db", "copies.db-wal", "copies.db-shm", "copies.prints")) {
            Files.deleteIfExists(data.resolve(f));
        }
        try (Application app = Application.open(data, ExtractionLimits.defaults())) {
            WeightSnapshot.Stated stated = app.copies().weights();
            assertTrue(stated.texts() > 0 && stated.texts() <= app.archive().count(), stated.toString()); // placed reports
            assertEquals(new TreeSet<>(app.archive().ids()), storedTexts(data));
        }
    }

    @Test
    void aShareStaysPutWhenUnrelatedReportsArriveAndListAndDetailAgree() throws Exception {
        Path data = tmp.resolve("stable");
        try (Application app = Application.open(data, ExtractionLimits.defaults())) {
            for (Path f : files.subList(0, 100)) {
                importFile(app, f);
            }
            List<CopyCheck.Pair> before = app.copies().pairs(1000);
            assertFalse(before.isEmpty());
            CopyCheck.Pair pair = before.get(0);
            for (CopyCheck.Pair p : before) { // the list and the detail of each pair: one share
                CopyCheck detail = app.copies().check(p.copy().reportId());
                double shown = detail.sources().stream().filter(s -> s.reportId().equals(p.source().reportId()))
                        .findFirst().orElseThrow().share();
                assertEquals(p.share(), shown, p.toString());
                assertTrue(detail.share() >= shown);
            }
            // reports of other units that repeat one passage of the copy: counted live, its fingerprints
            // would become stock phrases and the share would drop; weighed by the snapshot, it stays
            String passage = app.copies().check(pair.copy().reportId()).sources().get(0).passages().get(0).text();
            WeightSnapshot.Stated weights = app.copies().weights();
            for (int i = 0; i < 12; i++) {
                String unit = "第" + (i + 1) + "测试局";
                String text = String.join("\n", unit + "领导班子2023年度民主生活会对照检查材料", "现对照检查如下：", "一、存在的问题",
                        "（一）理论学习方面", "1." + passage, "2.本单位第" + i + "项工作抓得不够实。");
                app.archive().importFile("t" + i + ".txt", text.getBytes(StandardCharsets.UTF_8), ImportMetadata.NONE);
            }
            assertEquals(weights, app.copies().weights(), "no new snapshot for twelve reports");
            CopyCheck.Pair after = app.copies().pairs(1000).stream().filter(p -> p.copy().reportId().equals(pair.copy().reportId())
                    && p.source().reportId().equals(pair.source().reportId())).findFirst().orElseThrow();
            assertEquals(pair.share(), after.share());
        }
    }

    @Test
    void aNewSnapshotIsTakenOnceThePlacedReportsDouble() throws Exception {
        Path data = tmp.resolve("doubling");
        try (Application app = Application.open(data, ExtractionLimits.defaults())) {
            for (Path f : files.subList(0, 20)) {
                importFile(app, f);
            }
            WeightSnapshot.Stated first = app.copies().weights();
            // counted once and kept between answers: still the count the imports leave
            for (int i = 0; i < 3; i++) {
                assertEquals(first, app.copies().weights());
                app.copies().pairs(10);
            }
            int placed = first.texts();
            for (Path f : files.subList(20, files.size())) {
                importFile(app, f);
            }
            WeightSnapshot.Stated renewed = app.copies().weights();
            assertTrue(renewed.texts() >= 2 * placed, placed + " -> " + renewed);
        }
    }

    @Test
    void groupsTakenInAtEachImportAreTheGroupsReadAfresh() throws Exception {
        Path data = tmp.resolve("incremental");
        try (Application app = Application.open(data, ExtractionLimits.defaults())) {
            for (Path f : files.subList(0, 60)) {
                importFile(app, f);
            }
            app.compare().common(null, 1000); // the groups read, then kept
            for (Path f : files.subList(60, 100)) {
                importFile(app, f);
                List<String> taken = groups(app);
                app.copies().regroup();
                assertEquals(groups(app), taken, "after " + f.getFileName());
            }
            assertTrue(groups(app).size() > 1, "some problems are common to several units");
        }
    }

    private static List<String> groups(Application app) throws Exception {
        List<String> out = new ArrayList<>();
        for (Integer year : java.util.Arrays.asList(null, 2023)) {
            for (CommonProblems.Group g : app.compare().common(year, 1000)) {
                out.add(year + " " + g.units() + " " + g.reports() + " " + g.text() + " "
                        + g.examples().stream().map(l -> l.reportId() + "/" + l.ref()).toList());
            }
        }
        return out;
    }
}
