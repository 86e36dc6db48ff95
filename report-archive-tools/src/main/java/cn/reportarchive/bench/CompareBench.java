package cn.reportarchive.bench;

import cn.reportarchive.Application;
import cn.reportarchive.compare.CommonProblems;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CopyCheck;
import cn.reportarchive.parse.ReportSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the comparison tools cost on an archive: comparing two reports of one author (the
 * compare page), a unit's chains through all its years, and the archive-wide copy check and
 * common-problem list (built cold, from the catalog). Prints its method and the figures.
 */
public final class CompareBench {
    public record Settings(int pairs, long seed) {
    }

    private final Application app;
    private final PrintStream out;

    public CompareBench(Application app, PrintStream out) {
        this.app = app;
        this.out = out;
    }

    public void run(Settings settings) throws Exception {
        int reports = app.archive().count();
        out.printf(Locale.ROOT, "archive: %d reports; %d processors, max heap %d MB%n", reports,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (settings.pairs() <= 0) {
            archiveWide();
            return;
        }
        List<String[]> pairs = consecutiveYears(settings);
        out.printf(Locale.ROOT, "compare: %d pairs of consecutive years of one unit and author, chosen at random (seed %d), after 20 unmeasured%n",
                pairs.size(), settings.seed());
        for (String[] p : pairs.subList(0, Math.min(20, pairs.size()))) { // warm-up, not measured
            app.compare().compare(p[0], p[1], Integer.parseInt(p[2]), Integer.parseInt(p[3]));
        }
        long[] compare = new long[pairs.size()];
        long[] history = new long[pairs.size()];
        int repeats = 0;
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            long t0 = System.nanoTime();
            repeats += app.compare().compare(p[0], p[1], Integer.parseInt(p[2]), Integer.parseInt(p[3])).repeats().size();
            compare[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            app.compare().history(p[0], p[1]);
            history[i] = System.nanoTime() - t0;
        }
        Percentiles c = new Percentiles(compare);
        Percentiles h = new Percentiles(history);
        out.printf(Locale.ROOT, "compare two reports: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d repeats found)%n",
                c.millis(50), c.millis(95), c.millis(100), repeats);
        out.printf(Locale.ROOT, "chains of a unit through all its years: p50 %.1f ms, p95 %.1f ms%n", h.millis(50), h.millis(95));

        archiveWide();
    }

    /**
     * The archive-wide tools as a process meets them after a start: the copy store loaded (built
     * first when the archive has none: the one-time backfill), the copy pairs and the common problems
     * cold, then warm (median of 5), a report's 查重, and a report imported now: how long until the
     * pairs list it, and the common problems after it; it is deleted again so runs can repeat.
     */
    private void archiveWide() throws Exception {
        long t0 = System.nanoTime();
        var weights = app.copies().weights();
        out.printf(Locale.ROOT, "copy store loaded (or built, the first time): %.2f s; snapshot of %s over %d reports%n",
                seconds(t0), weights.taken(), weights.texts());
        t0 = System.nanoTime();
        List<CopyCheck.Pair> copied = app.copies().pairs(1000);
        out.printf(Locale.ROOT, "copy pairs, cold (first list after the load): %.3f s, %d pairs listed%n", seconds(t0), copied.size());
        t0 = System.nanoTime();
        List<CommonProblems.Group> groups = app.compare().common(null, 50);
        out.printf(Locale.ROOT, "common problems, cold (links read, groups joined): %.3f s, largest group %d units%n", seconds(t0),
                groups.isEmpty() ? 0 : groups.get(0).units());
        out.println(Heap.describe());
        long[] warmPairs = new long[5];
        long[] warmCommon = new long[5];
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            app.copies().pairs(1000);
            warmPairs[i] = System.nanoTime() - s;
            s = System.nanoTime();
            app.compare().common(null, 50);
            warmCommon[i] = System.nanoTime() - s;
        }
        out.printf(Locale.ROOT, "warm (median of 5): copy pairs %.1f ms, common problems %.1f ms%n",
                new Percentiles(warmPairs).millis(50), new Percentiles(warmCommon).millis(50));
        if (!copied.isEmpty()) {
            long[] checks = new long[Math.min(50, copied.size())];
            for (int i = 0; i < checks.length; i++) {
                long s = System.nanoTime();
                app.copies().check(copied.get(i).copy().reportId());
                checks[i] = System.nanoTime() - s;
            }
            Percentiles c = new Percentiles(checks);
            out.printf(Locale.ROOT, "查重 of one report (%d reports of listed pairs): p50 %.1f ms, p95 %.1f ms%n", checks.length,
                    c.millis(50), c.millis(95));
            newImport(copied.get(0).source().reportId());
        }
        out.println(Heap.describe());
    }

    /** A copy of a listed source under a new unit, imported now: seconds until the pairs list it. */
    private void newImport(String sourceId) throws Exception {
        var original = app.archive().original(sourceId);
        var source = app.archive().get(sourceId);
        if (original.isEmpty() || source.isEmpty() || source.get().unit() == null || !original.get().filename().endsWith(".txt")) {
            out.println("new import: skipped (the source is not a text file)");
            return;
        }
        String text = new String(original.get().bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace(source.get().unit(), "基准测试新建局") + "\n（基准测试 " + System.nanoTime() + "）\n";
        long t0 = System.nanoTime();
        var outcome = app.archive().importFile("bench-copy.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                cn.reportarchive.archive.ImportMetadata.NONE);
        double imported = seconds(t0);
        String id = outcome.id();
        boolean listed = app.copies().pairs(1000).stream().anyMatch(p -> p.copy().reportId().equals(id) || p.source().reportId().equals(id));
        double inPairs = seconds(t0);
        long s = System.nanoTime();
        app.compare().common(null, 50);
        double common = seconds(s);
        out.printf(Locale.ROOT, "new import (%s): imported in %.3f s (store included); listed among the pairs %.3f s after the import began: %s; "
                + "common problems after it %.3f s%n", outcome.status(), imported, inPairs, listed ? "yes" : "NO", common);
        s = System.nanoTime();
        if (id != null) {
            app.archive().delete(id);
        }
        out.printf(Locale.ROOT, "deleted again: %.3f s%n", seconds(s));
    }

    private static double seconds(long from) {
        return (System.nanoTime() - from) / 1e9;
    }

    private List<String[]> consecutiveYears(Settings settings) throws Exception {
        Map<String, List<ReportSummary>> byTrack = new HashMap<>();
        for (ReportSummary s : app.archive().summaries(null, null)) {
            if (s.unit() != null && s.year() != null) {
                byTrack.computeIfAbsent(s.unit() + "\u0000" + s.author(), k -> new ArrayList<>()).add(s);
            }
        }
        List<String[]> pairs = new ArrayList<>();
        for (List<ReportSummary> track : byTrack.values()) {
            for (ReportSummary a : track) {
                for (ReportSummary b : track) {
                    if (b.year() == a.year() + 1) {
                        pairs.add(new String[] {a.unit(), a.author(), String.valueOf(a.year()), String.valueOf(b.year())});
                    }
                }
            }
        }
        pairs.sort((x, y) -> String.join("|", String.valueOf(x[0]), String.valueOf(x[1]), x[2])
                .compareTo(String.join("|", String.valueOf(y[0]), String.valueOf(y[1]), y[2])));
        Collections.shuffle(pairs, new Random(settings.seed()));
        List<String[]> usable = new ArrayList<>();
        for (String[] p : pairs) {
            if (usable.size() >= settings.pairs()) {
                break;
            }
            try {
                app.compare().find(p[0], p[1], Integer.parseInt(p[3]));
                app.compare().find(p[0], p[1], Integer.parseInt(p[2]));
                usable.add(p);
            } catch (CompareException e) {
                // two reports of one person in a year, say: not a pair the page would offer
            }
        }
        return usable;
    }
}
