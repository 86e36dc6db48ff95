package cn.reportarchive.bench;

import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The archive's passages written out once per archive size, for the two baselines of {@code bench
 * search}: text files of one passage a line (what ripgrep scans) and, numbered by the same lines, the
 * smartcn-only peer index (see {@link SmartcnPeer}). {@code lines.tsv} gives each file's first line,
 * {@code reports.tsv} each report's first line: a passage of running text of the archive's index (report,
 * its ordinal among the report's running text) is line {@code first + ordinal}, so the three can be compared
 * passage for passage (titles and headings, which the index numbers too, are not exported).
 */
final class PassageExport {
    static final String PEER = "peer";
    private static final int PER_FILE = 1000;

    private final Path dir;
    private final Map<String, Integer> fileFirstLine;
    private final Map<String, Integer> reportFirstLine;
    private final int lines;

    private PassageExport(Path dir, Map<String, Integer> files, Map<String, Integer> reports, int lines) {
        this.dir = dir;
        this.fileFirstLine = files;
        this.reportFirstLine = reports;
        this.lines = lines;
    }

    Path dir() {
        return dir;
    }

    Path peerIndex() {
        return dir.resolve(PEER);
    }

    int lines() {
        return lines;
    }

    /** The global line of a text file's line (1-based within the file, as ripgrep numbers them). */
    int line(String fileName, int lineInFile) {
        Integer first = fileFirstLine.get(fileName);
        return first == null ? -1 : first + lineInFile - 1;
    }

    /** The global line of a passage of the archive's index; -1 for a report not exported. */
    int line(String reportId, long ordinal) {
        Integer first = reportFirstLine.get(reportId);
        return first == null ? -1 : (int) (first + ordinal);
    }

    long bytes() throws IOException {
        long bytes = 0;
        for (String file : fileFirstLine.keySet()) {
            bytes += Files.size(dir.resolve(file));
        }
        return bytes;
    }

    /** The export for these reports: read if an earlier run wrote it for as many reports, else written. */
    static PassageExport of(ReportArchive archive, List<String> ids, Path dir, java.io.PrintStream log)
            throws Exception {
        Path marker = dir.resolve("reports-" + ids.size());
        if (!Files.exists(marker) || !Files.isDirectory(dir.resolve(PEER))) {
            long t0 = System.nanoTime();
            write(archive, ids, dir);
            log.printf(Locale.ROOT, "export: passages written as text and as the smartcn-only peer index in %.0f s%n",
                    (System.nanoTime() - t0) / 1e9);
            Files.writeString(marker, "");
        }
        Map<String, Integer> files = new LinkedHashMap<>();
        int total = 0;
        for (String row : Files.readAllLines(dir.resolve("lines.tsv"))) {
            String[] f = row.split("\t");
            files.put(f[0], Integer.parseInt(f[1]));
            total = Integer.parseInt(f[1]) + Integer.parseInt(f[2]);
        }
        Map<String, Integer> reports = new HashMap<>();
        for (String row : Files.readAllLines(dir.resolve("reports.tsv"))) {
            String[] f = row.split("\t");
            reports.put(f[0], Integer.parseInt(f[1]));
        }
        return new PassageExport(dir, files, reports, total);
    }

    private static void write(ReportArchive archive, List<String> ids, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            // only what an earlier run wrote here
            for (Path p : old.filter(f -> f.getFileName().toString()
                    .matches("texts-\\d+\\.txt|reports-\\d+|lines\\.tsv|reports\\.tsv")).toList()) {
                Files.delete(p);
            }
        }
        deleteTree(dir.resolve(PEER));
        int line = 0;
        IndexWriterConfig config = new IndexWriterConfig(new SmartChineseAnalyzer(true))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64);
        try (IndexWriter peer = new IndexWriter(FSDirectory.open(dir.resolve(PEER)), config);
             BufferedWriter fileLines = Files.newBufferedWriter(dir.resolve("lines.tsv"));
             BufferedWriter reportLines = Files.newBufferedWriter(dir.resolve("reports.tsv"))) {
            for (int from = 0; from < ids.size(); from += PER_FILE) {
                String name = String.format(Locale.ROOT, "texts-%05d.txt", from / PER_FILE);
                int first = line;
                List<Document> docs = new ArrayList<>();
                try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
                    for (String id : ids.subList(from, Math.min(ids.size(), from + PER_FILE))) {
                        Report report = archive.get(id).orElseThrow();
                        reportLines.write(id + "\t" + line + "\n");
                        for (Passage p : Passages.of(report)) {
                            w.write(p.text().replace('\n', ' '));
                            w.newLine();
                            docs.add(peerDocument(p, report.year(), line++));
                        }
                    }
                }
                fileLines.write(name + "\t" + first + "\t" + (line - first) + "\n");
                // smartcn's segmentation is the cost: both cores
                docs.parallelStream().forEach(d -> {
                    try {
                        peer.addDocument(d);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            // one segment, as the archive's index after its merge: the two are compared on the same footing
            peer.forceMerge(1);
            peer.commit();
        }
    }

    /** What a deployment of Solr or Elasticsearch with smartcn would index: the text as smartcn words, year and section. */
    private static Document peerDocument(Passage p, Integer year, int line) {
        Document doc = new Document();
        doc.add(new TextField(SmartcnPeer.TEXT, p.text(), Field.Store.NO));
        doc.add(new NumericDocValuesField(SmartcnPeer.LINE, line));
        doc.add(new StringField(SmartcnPeer.SECTION, p.section().key(), Field.Store.NO));
        doc.add(new NumericDocValuesField(SmartcnPeer.SECTION, p.section().ordinal()));
        if (year != null) {
            doc.add(new IntPoint(SmartcnPeer.YEAR, year));
            doc.add(new NumericDocValuesField(SmartcnPeer.YEAR, year));
        }
        return doc;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
