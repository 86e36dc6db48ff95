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

        long t0 = System.nanoTime();
        List<CopyCheck.Pair> copied = app.copies().pairs(1000);
        double copyBuild = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "copy detection, cold (read every report, fingerprint, index, list pairs): %.1f s, %d pairs listed%n",
                copyBuild, copied.size());
        t0 = System.nanoTime();
        app.copies().pairs(1000);
        out.printf(Locale.ROOT, "copy detection, warm (list pairs again): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (!copied.isEmpty()) {
            long[] checks = new long[Math.min(50, copied.size())];
            for (int i = 0; i < checks.length; i++) {
                long s = System.nanoTime();
                app.copies().check(copied.get(i).copy().reportId());
                checks[i] = System.nanoTime() - s;
            }
            out.printf(Locale.ROOT, "copy check of one report (warm): p50 %.1f ms%n", new Percentiles(checks).millis(50));
        }
        out.println(Heap.describe());
        t0 = System.nanoTime();
        List<CommonProblems.Group> groups = app.compare().common(null, 50);
        out.printf(Locale.ROOT, "problems raised by many units (all years): %.1f s, largest group %d units%n",
                (System.nanoTime() - t0) / 1e9, groups.isEmpty() ? 0 : groups.get(0).units());
        out.println(Heap.describe());
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
