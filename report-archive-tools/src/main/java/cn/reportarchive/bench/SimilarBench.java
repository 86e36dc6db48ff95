package cn.reportarchive.bench;

import cn.reportarchive.Application;
import cn.reportarchive.compare.Point;
import cn.reportarchive.compare.ReportPoints;
import cn.reportarchive.compare.SimilarPoints;
import cn.reportarchive.parse.ItemMarkers;
import cn.reportarchive.parse.SectionType;
import cn.reportarchive.search.SearchRequest;
import cn.reportarchive.search.SearchResult;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * 查相似表述 and searches with a slip, timed on an archive: pasted texts made from the problems of
 * random reports (the point as it stands, its first clauses, its clauses turned round), and slips
 * made from runs of those problems with one character swapped for one that sounds the same (what a
 * pinyin keyboard does), each searched and given its suggestions as the API does. Prints p50/p90/p99
 * of each, how often the pasted point came back in the first five, how often the slip was mended,
 * and the heap. Deterministic from the seed.
 */
public final class SimilarBench {
    public record Settings(int texts, int slips, long seed) {
    }

    /** A pasted text, made from the point {@code original} of report {@code reportId} at {@code ref}. */
    private record Pasted(String text, String original, String reportId, String ref, String kind) {
    }

    private record Slip(String typed, String meant) {
    }

    private final Application app;
    private final PrintStream out;

    public SimilarBench(Application app, PrintStream out) {
        this.app = app;
        this.out = out;
    }

    public void run(Settings s) throws Exception {
        List<String> ids = new ArrayList<>(app.archive().ids());
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("档案库是空的，没有可测试的材料。");
        }
        out.printf(Locale.ROOT, "archive: %d reports; JVM max heap %d MB; %d cores; %s%n", ids.size(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
                app.archive().index().describe());
        Collections.shuffle(ids, new Random(s.seed()));
        Random random = new Random(s.seed());
        List<Pasted> pasted = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(ids.size(), 2000))) {
            var report = app.archive().get(id).orElse(null);
            if (report == null) {
                continue;
            }
            for (Point p : ReportPoints.of(report, SectionType.PROBLEMS)) {
                String text = ItemMarkers.strip(p.text());
                if (text.length() < 20 || random.nextInt(4) != 0) {
                    continue;
                }
                String[] clauses = text.split("[，；。]");
                String kind = List.of("as written", "first clauses", "clauses turned round").get(random.nextInt(3));
                String variant = switch (kind) {
                    case "first clauses" -> String.join("，", Arrays.copyOf(clauses, Math.max(1, (clauses.length * 2 + 2) / 3)));
                    case "clauses turned round" -> {
                        List<String> list = new ArrayList<>(Arrays.asList(clauses));
                        Collections.reverse(list);
                        yield String.join("，", list);
                    }
                    default -> text;
                };
                pasted.add(new Pasted(variant, text, report.id(), p.ref().toString(), kind));
                String run = hanRun(text, 4, random);
                if (run != null) {
                    runs.add(run);
                }
            }
        }
        Collections.shuffle(pasted, random);
        pasted = pasted.subList(0, Math.min(s.texts(), pasted.size()));
        List<Slip> slips = slips(runs, s.slips(), random);
        out.printf(Locale.ROOT, "texts: %d pasted problems from 2000 random reports (as written, first two thirds of the clauses, "
                + "clauses in reverse order); %d slips (a run of 4 characters, one swapped for a same-sounding one the archive "
                + "uses, that finds nothing)%n", pasted.size(), slips.size());

        // warm-up: the segmenter, the synonym dictionary and the pinyin table load on first use
        for (Pasted p : pasted.subList(0, Math.min(20, pasted.size()))) {
            similar(p.text());
        }
        for (Slip sl : slips.subList(0, Math.min(20, slips.size()))) {
            searchWithSuggestions(sl.typed());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[pasted.size()];
        long[] cpu = new long[pasted.size()];
        int foundIn5 = 0;
        long hits = 0;
        Map<String, int[]> byKind = new HashMap<>();
        for (int i = 0; i < pasted.size(); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<SimilarPoints.Hit> found = similar(pasted.get(i).text());
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            hits += found.size();
            Pasted p = pasted.get(i);
            // the point itself, or the same words in another report (a generated archive repeats and copies points)
            boolean back = found.stream().limit(5).anyMatch(h -> h.reportId().equals(p.reportId()) && h.ref().equals(p.ref())
                    || ItemMarkers.strip(h.text()).equals(p.original()));
            foundIn5 += back ? 1 : 0;
            int[] k = byKind.computeIfAbsent(p.kind(), x -> new int[2]);
            k[0]++;
            k[1] += back ? 1 : 0;
        }
        Percentiles w = new Percentiles(wall);
        Percentiles c = new Percentiles(cpu);
        out.printf(Locale.ROOT, "similar: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (CPU of the thread: p50 %.1f, p99 %.1f ms); "
                + "%.1f hits each; the pasted point (or its very words elsewhere) among the first 5: %d of %d%n", w.millis(50), w.millis(90), w.millis(99),
                w.millis(100), c.millis(50), c.millis(99), pasted.isEmpty() ? 0 : (double) hits / pasted.size(), foundIn5,
                pasted.size());
        byKind.forEach((kind, k) -> out.printf(Locale.ROOT, "  %s: %d of %d among the first 5%n", kind, k[1], k[0]));

        viewer(pasted, threads);

        long[] slipWall = new long[slips.size()];
        long[] slipCpu = new long[slips.size()];
        int mended = 0;
        int mendedFirst = 0;
        for (int i = 0; i < slips.size(); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<String> suggested = searchWithSuggestions(slips.get(i).typed());
            slipWall[i] = System.nanoTime() - t0;
            slipCpu[i] = threads.getCurrentThreadCpuTime() - c0;
            mended += suggested.contains(slips.get(i).meant()) ? 1 : 0;
            mendedFirst += !suggested.isEmpty() && suggested.get(0).equals(slips.get(i).meant()) ? 1 : 0;
        }
        Percentiles sw = new Percentiles(slipWall);
        Percentiles sc = new Percentiles(slipCpu);
        out.printf(Locale.ROOT, "search with a slip, suggestions included: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms "
                + "(CPU p50 %.1f, p99 %.1f ms); mended: first suggestion %d, any suggestion %d, of %d%n", sw.millis(50),
                sw.millis(90), sw.millis(99), sw.millis(100), sc.millis(50), sc.millis(99), mendedFirst, mended, slips.size());
        out.println(Heap.describe());
    }

    /**
     * The texts asked by viewers of one unit each (ten units, the units of the first texts' reports, ten
     * texts each): the candidates are cut to the unit's passages and the pair weights counted over them
     * alone, at a viewer's first look-up (cold), then kept for its next ones (warm).
     */
    private void viewer(List<Pasted> pasted, ThreadMXBean threads) throws Exception {
        List<String> units = new ArrayList<>();
        for (Pasted p : pasted) {
            String unit = app.archive().get(p.reportId()).map(r -> r.unit()).orElse(null);
            if (unit != null && !units.contains(unit)) {
                units.add(unit);
            }
            if (units.size() == 10) {
                break;
            }
        }
        List<Long> coldWall = new ArrayList<>();
        List<Long> coldCpu = new ArrayList<>();
        List<Long> warmWall = new ArrayList<>();
        List<Long> warmCpu = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            for (int k = 0; k < 10 && u * 10 + k < pasted.size(); k++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                app.similar().find(new SimilarPoints.Request(pasted.get(u * 10 + k).text(), null, null,
                        SimilarPoints.DEFAULT_LIMIT, Set.of(units.get(u))));
                (k == 0 ? coldWall : warmWall).add(System.nanoTime() - t0);
                (k == 0 ? coldCpu : warmCpu).add(threads.getCurrentThreadCpuTime() - c0);
            }
        }
        Percentiles cw = new Percentiles(coldWall.stream().mapToLong(Long::longValue).toArray());
        Percentiles cc = new Percentiles(coldCpu.stream().mapToLong(Long::longValue).toArray());
        Percentiles ww = new Percentiles(warmWall.stream().mapToLong(Long::longValue).toArray());
        Percentiles wc = new Percentiles(warmCpu.stream().mapToLong(Long::longValue).toArray());
        out.printf(Locale.ROOT, "similar as a viewer of one unit (%d units): first look-up p50 %.1f ms (CPU %.1f); "
                + "later ones (%d) p50 %.1f ms, p99 %.1f ms (CPU p50 %.1f, p99 %.1f ms)%n", units.size(), cw.millis(50),
                cc.millis(50), warmWall.size(), ww.millis(50), ww.millis(99), wc.millis(50), wc.millis(99));
    }

    private List<SimilarPoints.Hit> similar(String text) throws Exception {
        return app.similar().find(new SimilarPoints.Request(text, null, null, SimilarPoints.DEFAULT_LIMIT, null)).hits();
    }

    private List<String> searchWithSuggestions(String query) throws Exception {
        SearchRequest request = new SearchRequest(query, null, null, null, null, 1, 20);
        SearchResult result = app.search().search(request);
        return app.suggestions().suggest(request, result.total());
    }

    /** Runs with one character swapped for another of the runs' characters that sounds the same; only those finding nothing. */
    private List<Slip> slips(List<String> runs, int count, Random random) throws Exception {
        Map<String, Set<Character>> bySound = new HashMap<>();
        for (String run : runs) {
            for (char ch : run.toCharArray()) {
                bySound.computeIfAbsent(sound(ch), k -> new LinkedHashSet<>()).add(ch);
            }
        }
        List<Slip> out = new ArrayList<>();
        Collections.shuffle(runs, random);
        for (String run : runs) {
            if (out.size() >= count) {
                break;
            }
            int pos = random.nextInt(run.length());
            List<Character> same = new ArrayList<>(bySound.getOrDefault(sound(run.charAt(pos)), Set.of()));
            same.remove(Character.valueOf(run.charAt(pos)));
            if (same.isEmpty()) {
                continue;
            }
            String typed = run.substring(0, pos) + same.get(random.nextInt(same.size())) + run.substring(pos + 1);
            if (app.search().search(new SearchRequest(typed, null, null, null, null, 1, 1)).total() == 0) {
                out.add(new Slip(typed, run));
            }
        }
        return out;
    }

    private static String sound(char c) {
        List<Pinyin> py = HanLP.convertToPinyinList(String.valueOf(c));
        return py.isEmpty() || py.get(0) == Pinyin.none5 ? "?" + c : py.get(0).getPinyinWithoutTone();
    }

    private static String hanRun(String text, int length, Random random) {
        for (int attempt = 0; attempt < 10 && text.length() >= length; attempt++) {
            int start = random.nextInt(text.length() - length + 1);
            String run = text.substring(start, start + length);
            if (run.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return run;
            }
        }
        return null;
    }
}
