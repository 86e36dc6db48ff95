package cn.reportarchive.bench;

import cn.reportarchive.Application;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.search.SearchRequest;
import cn.reportarchive.search.SearchResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Search latency and throughput on an archive: a query mix drawn from its passages, one client
 * (p50, p99), then several concurrent clients (queries per second), heap, and the same queries
 * as a ripgrep scan of the extracted texts with the ratio. Prints its method and its figures.
 */
public final class SearchBench {
    public record Settings(int queries, int clients, int seconds, long seed, Path texts, int scanQueries) {
    }

    private final Application app;
    private final PrintStream out;

    public SearchBench(Application app, PrintStream out) {
        this.app = app;
        this.out = out;
    }

    public void run(Settings s) throws Exception {
        List<String> ids = new ArrayList<>(app.archive().ids());
        int reports = ids.size();
        if (reports == 0) {
            throw new IllegalArgumentException("档案库是空的，没有可测试的材料。");
        }
        out.printf(Locale.ROOT, "archive: %d reports; JVM max heap %d MB; %d cores%n", reports,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());
        Collections.shuffle(ids, new Random(s.seed()));
        List<Passage> sample = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(ids.size(), 2000))) {
            app.archive().get(id).ifPresent(r -> sample.addAll(Passages.of(r)));
        }
        List<QueryMix.Query> mix = QueryMix.draw(sample, s.queries(), s.seed());
        out.printf(Locale.ROOT, "query mix: %d queries drawn from %d passages of 2000 random reports (seed %d): "
                + "50%% runs of 2-8 characters, 20%% two runs, 10%% quoted, 10%% genre words, 10%% with a filter%n",
                mix.size(), sample.size(), s.seed());

        out.printf(Locale.ROOT, "index: %s%n", app.archive().index().describe());

        for (QueryMix.Query q : mix) {
            search(q.text());
        }
        // wall time is what a user waits; the thread's CPU time shows how much of it other jobs on the host took
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] single = new long[mix.size()];
        long[] cpu = new long[mix.size()];
        long[] totals = new long[mix.size()];
        long hits = 0;
        int estimated = 0;
        for (int i = 0; i < mix.size(); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SearchResult result = search(mix.get(i).text());
            single[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            totals[i] = result.total();
            hits += result.total();
            estimated += result.totalExact() ? 0 : 1;
        }
        Percentiles one = new Percentiles(single);
        Percentiles oneCpu = new Percentiles(cpu);
        out.printf(Locale.ROOT, "1 client: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries, %.1f hits each, "
                + "%d with an estimated total)%n", one.millis(50), one.millis(90), one.millis(99), one.millis(100),
                mix.size(), (double) hits / mix.size(), estimated);
        out.printf(Locale.ROOT, "1 client, CPU time of the searching thread: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                oneCpu.millis(50), oneCpu.millis(90), oneCpu.millis(99));
        new TailReport(out).print(mix, single, totals);

        concurrent(mix, s.clients(), s.seconds());
        heap();
        if (s.scanQueries() > 0) {
            scan(mix.subList(0, Math.min(s.scanQueries(), mix.size())), single, s.texts(), ids);
        }
    }

    private SearchResult search(String query) throws Exception {
        return app.search().search(new SearchRequest(query, null, null, null, null, 1, 20));
    }

    private void concurrent(List<QueryMix.Query> mix, int clients, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * mix.size() / clients;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 20];
                int n = 0;
                for (int i = offset; !stop.get(); i++) {
                    long t0 = System.nanoTime();
                    try {
                        search(mix.get(i % mix.size()).text());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (n < mine.length) {
                        mine[n++] = System.nanoTime() - t0;
                    }
                    done.incrementAndGet();
                }
                latencies.add(java.util.Arrays.copyOf(mine, n));
            });
            threads.add(t);
        }
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        Percentiles p = new Percentiles(all);
        out.printf(Locale.ROOT, "%d clients for %ds: %.0f queries/s; latency p50 %.2f ms, p99 %.2f ms%n", clients,
                seconds, done.get() / elapsed, p.millis(50), p.millis(99));
    }

    private void heap() {
        out.println(Heap.describe());
    }

    private void scan(List<QueryMix.Query> queries, long[] indexNanos, Path texts, List<String> ids) throws Exception {
        if (!LineScan.available()) {
            out.println("scan: ripgrep (rg) not found; install it (Debian: apt-get install ripgrep) for the ratio");
            return;
        }
        long bytes = exportTexts(texts, ids);
        LineScan scan = new LineScan(texts);
        long[] scanNanos = new long[queries.size()];
        long[] sameIndex = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            scan.count(queries.get(i).runs());
            scanNanos[i] = System.nanoTime() - t0;
            sameIndex[i] = indexNanos[i];
        }
        double scanMedian = new Percentiles(scanNanos).millis(50);
        double indexMedian = new Percentiles(sameIndex).millis(50);
        out.printf(Locale.ROOT, "scan: ripgrep over %d MB of extracted text, %d queries: median %.1f ms; "
                + "index median on the same queries %.2f ms; index is %.0fx faster%n", bytes >> 20, queries.size(),
                scanMedian, indexMedian, scanMedian / indexMedian);
    }

    /** The archive's passages as text files, a passage a line, written once per archive size. */
    private long exportTexts(Path dir, List<String> ids) throws Exception {
        Path marker = dir.resolve("reports-" + ids.size());
        if (!Files.exists(marker)) {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                // only what an earlier run wrote here
                for (Path p : old.filter(f -> f.getFileName().toString().matches("texts-\\d+\\.txt|reports-\\d+")).toList()) {
                    Files.delete(p);
                }
            }
            int perFile = 1000;
            for (int from = 0; from < ids.size(); from += perFile) {
                Path file = dir.resolve(String.format(Locale.ROOT, "texts-%05d.txt", from / perFile));
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    for (String id : ids.subList(from, Math.min(ids.size(), from + perFile))) {
                        StoredReport stored = app.archive().stored(id).orElseThrow();
                        for (Passage p : Passages.of(stored.report())) {
                            w.write(p.text().replace('\n', ' '));
                            w.newLine();
                        }
                    }
                }
            }
            Files.writeString(marker, "");
        }
        long bytes = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                bytes += Files.size(p);
            }
        }
        return bytes;
    }

}
