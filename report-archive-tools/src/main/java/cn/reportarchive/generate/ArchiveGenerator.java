package cn.reportarchive.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Writes a synthetic archive: unit after unit, year after year, each of the unit's authors'
 * reports composed (with last year's problems and measures planted), sometimes copied from
 * another unit, laid out and written in a format drawn from the mix, one file at a time. Units go
 * in batches of eight on parallel threads; a batch copies only from earlier batches and its ground
 * truth is written in unit order, so the thread count changes nothing in the output. Memory stays
 * bounded: a batch's reports and a few reports to copy from. The same options give the same files
 * (byte for byte) and the same ground truth.
 */
public final class ArchiveGenerator {
    /** What a run did. */
    public record Summary(int reports, int units, int authors, Map<String, Integer> byFormat, Map<String, Integer> counts,
            long millis, String pdfFont) {
        public String line() {
            StringBuilder f = new StringBuilder();
            byFormat.forEach((k, v) -> f.append(f.length() > 0 ? "，" : "").append(k).append(' ').append(v));
            return String.format("已生成 %d 份材料（%s），%d 个单位、%d 名个人作者；重复问题 %d 处，上年措施 %d 条（已报告 %d、复现 %d、无下文 %d），"
                    + "抄袭材料 %d 份；用时 %.1f 秒。", reports, f, units, authors,
                    counts.getOrDefault("repeats.verbatim", 0) + counts.getOrDefault("repeats.edited", 0)
                            + counts.getOrDefault("repeats.moved", 0),
                    counts.getOrDefault("measures.reported", 0) + counts.getOrDefault("measures.recurred", 0)
                            + counts.getOrDefault("measures.no-trace", 0),
                    counts.getOrDefault("measures.reported", 0), counts.getOrDefault("measures.recurred", 0),
                    counts.getOrDefault("measures.no-trace", 0), counts.getOrDefault("copies", 0), millis / 1000.0);
        }
    }

    private final GeneratorOptions options;
    private final PhraseBook book = PhraseBook.load();
    private final Composer composer = new Composer(book, YearCalendar.load());
    private final Copier copier = new Copier();
    private final PrintStream err;
    private Consumer<GenReport> listener = r -> { };

    public ArchiveGenerator(GeneratorOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    /** Called with every report after it is written (tests look at the plan behind each file). */
    public ArchiveGenerator onReport(Consumer<GenReport> l) {
        this.listener = l;
        return this;
    }

    /** Units are generated in batches of this many, in parallel; copies come from earlier batches. */
    private static final int BATCH = 8;

    /** One unit to generate: its tracks and how many of its reports are wanted. */
    private record UnitJob(Unit unit, List<Track> tracks, int quota) {
    }

    public Summary run() throws IOException {
        long start = System.nanoTime();
        Path out = options.out();
        Files.createDirectories(out);
        Rng root = new Rng(options.seed());
        Map<String, ReportWriter> writers = writers();
        int units = 0;
        int authors = 0;
        int planned = 0;
        Map<String, Integer> byFormat = new LinkedHashMap<>();
        CopySources sources = new CopySources();
        int threads = Math.max(1, Math.min(BATCH, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "generate");
            t.setDaemon(true);
            return t;
        });
        try (GroundTruth truth = new GroundTruth(out.resolve("ground-truth.jsonl"), options.snippets())) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("generator", "report-archive generate");
            meta.put("version", 1);
            meta.put("seed", options.seed());
            meta.put("reports", options.reports());
            meta.put("years", List.of(options.firstYear(), options.lastYear()));
            meta.put("formats", options.formats().toString());
            meta.put("pdfFont", pdfFont().describe());
            meta.put("copyRate", options.copyRate());
            meta.put("refs", "TYPE/B/I as in INTERFACE.md; blocks of a report's section are [aspect, items]");
            truth.meta(meta);
            UnitRoster roster = new UnitRoster(root.fork("roster"));
            while (planned < options.reports()) {
                // the next units, each with the number of its reports that are still wanted
                List<UnitJob> batch = new ArrayList<>();
                while (batch.size() < BATCH && planned < options.reports()) {
                    Unit unit = roster.next();
                    List<Track> tracks = roster.tracks(unit, options.firstYear(), options.lastYear(),
                            root.fork("unit", unit.index()).fork("tracks"));
                    int all = tracks.stream().mapToInt(t -> t.years().size()).sum();
                    int quota = Math.min(all, options.reports() - planned);
                    planned += quota;
                    units++;
                    authors += tracks.size() - 1;
                    batch.add(new UnitJob(unit, tracks, quota));
                }
                CopySources snapshot = sources.snapshot();
                List<Future<List<GenReport>>> done = new ArrayList<>();
                for (UnitJob job : batch) {
                    done.add(pool.submit(() -> unit(job, root, snapshot, writers)));
                }
                for (Future<List<GenReport>> f : done) {
                    for (GenReport rep : await(f)) {
                        truth.report(rep);
                        if (rep.previous != null) {
                            truth.compare(rep.previous, rep);
                            rep.previous = null; // nothing later needs the link
                        }
                        if (rep.copyOf != null) {
                            truth.copy(rep);
                        }
                        byFormat.merge(rep.format, 1, Integer::sum);
                        sources.offer(rep);
                        listener.accept(rep);
                    }
                }
            }
            Map<String, Object> sum = new LinkedHashMap<>();
            sum.put("reports", planned);
            sum.put("units", units);
            sum.put("authors", authors);
            truth.summary(sum);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Summary(planned, units, authors, byFormat, new java.util.TreeMap<>(truth.counts()), millis,
                    pdfFont().describe());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<GenReport> await(Future<List<GenReport>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("生成被中断。", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    /** One unit's reports, year after year: composed, now and then copied, laid out, written. */
    private List<GenReport> unit(UnitJob job, Rng root, CopySources sources, Map<String, ReportWriter> writers)
            throws IOException {
        Unit unit = job.unit();
        Rng ur = root.fork("unit", unit.index());
        Path dir = options.out().resolve(unit.code());
        Files.createDirectories(dir);
        Map<Track, GenReport> last = new HashMap<>();
        List<String[]> manifest = new ArrayList<>();
        List<GenReport> written = new ArrayList<>();
        List<Track> tracks = job.tracks();
        for (int y = options.firstYear(); y <= options.lastYear() && written.size() < job.quota(); y++) {
            for (int t = 0; t < tracks.size() && written.size() < job.quota(); t++) {
                Track track = tracks.get(t);
                if (!track.years().contains(y)) {
                    continue;
                }
                GenReport prev = last.get(track);
                if (prev != null && prev.year != y - 1) {
                    prev = null;
                }
                Rng rr = ur.fork("report", t, y);
                GenReport rep = composer.compose(track, y, prev, rr.fork("compose"));
                Rng copyRng = rr.fork("copy");
                if (copyRng.chance(options.copyRate())) {
                    GenReport source = sources.pick(rep, copyRng);
                    if (source != null) {
                        rep = copier.copy(source, rep, copyRng);
                    }
                }
                rep.previous = prev;
                List<Layout.Para> paras = Layout.lay(rep, rr.fork("layout"));
                String format = options.formats().pick(rr.fork("format"));
                ReportWriter writer = writers.get(format);
                String name = y + "-" + (track.team() ? "team" : track.person().code()) + "." + writer.extension();
                rep.file = unit.code() + "/" + name;
                rep.format = format;
                rep.charset = writer.write(dir.resolve(name), paras, rep, rr.fork("write"));
                if (!rep.unitInText || (!rep.track.team() && !rep.authorInText)) {
                    manifest.add(new String[] {name, unit.name(), String.valueOf(y),
                            track.team() ? "" : track.person().name()});
                }
                last.put(track, rep);
                written.add(rep);
            }
        }
        if (!manifest.isEmpty()) {
            writeManifest(dir.resolve("metadata.csv"), manifest);
        }
        return written;
    }

    private PdfFonts.Choice font;
    private boolean fontNoted;

    private PdfFonts.Choice pdfFont() {
        if (font == null) {
            boolean wantsPdf = options.formats().weights().getOrDefault("pdf", 0) > 0;
            font = options.pdfFont() != null ? options.pdfFont() : wantsPdf ? PdfFonts.find() : PdfFonts.STANDARD;
            if (wantsPdf && font.standard() && options.pdfFont() == null && !fontNoted) {
                fontNoted = true;
                err.println("未找到可嵌入的 TrueType 中文字体，PDF 使用不嵌入的标准字体 STSong-Light"
                        + "（可用 --pdf-font 指定 .ttf/.ttc 字体文件）。");
            }
        }
        return font;
    }

    private Map<String, ReportWriter> writers() {
        Map<String, ReportWriter> w = new HashMap<>();
        w.put("txt", new TxtWriter());
        w.put("docx", new DocxWriter());
        w.put("pdf", new PdfWriter(pdfFont()));
        return w;
    }

    /** metadata.csv for the files of a folder that do not name their unit or author (UTF-8, with BOM as Excel saves). */
    private static void writeManifest(Path file, List<String[]> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\uFEFFfile,unit,year,author\n");
            for (String[] row : rows) {
                w.write(String.join(",", row));
                w.write('\n');
            }
        }
    }
}
