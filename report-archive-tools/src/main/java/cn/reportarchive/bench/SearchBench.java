package cn.reportarchive.bench;

import cn.reportarchive.Application;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.SectionType;
import cn.reportarchive.search.SearchRequest;
import cn.reportarchive.search.SearchResult;
import cn.reportarchive.index.Fields;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Search latency and throughput on an archive: a query mix drawn from its passages, one client
 * (p50, p99), then several concurrent clients (queries per second), heap; the same for the
 * smartcn-only peer (what Solr or Elasticsearch with smartcn would answer, {@link SmartcnPeer}) with
 * the ratios; the same queries as a ripgrep scan of the extracted texts, and both indexes' recall
 * against the scan's passages. Prints its method and its figures.
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
        // the baselines' passages: text for ripgrep, and the smartcn-only peer index, numbered alike
        PassageExport export = s.texts() == null ? null : PassageExport.of(app.archive(), ids, s.texts(), out);

        Side ours = single("archive", mix, q -> search(q.text()).total());
        SmartcnPeer peer = export == null ? null : new SmartcnPeer(export.peerIndex());
        try {
            Side theirs = null;
            if (peer != null) {
                out.printf(Locale.ROOT, "peer: smartcn-only Lucene index, %s; each run a phrase of its smartcn words, "
                        + "runs required, filters applied; top 20 by BM25, total counted to 10,000; no facets, "
                        + "snippets or spread%n", peer.describe());
                theirs = single("peer", mix, q -> peer.search(q).totalHits.value);
            }
            new TailReport(out).print(mix, ours.nanos(), ours.totals());

            double oursRate = concurrent("archive", mix, s.clients(), s.seconds(), q -> search(q.text()));
            double peerRate = peer == null ? Double.NaN
                    : concurrent("peer", mix, s.clients(), s.seconds(), peer::search);
            heap();
            Recall recall = null;
            if (s.scanQueries() > 0 && export != null) {
                recall = scan(mix.subList(0, Math.min(s.scanQueries(), mix.size())), ours.nanos(), export, peer);
            }
            if (theirs != null) {
                out.printf(Locale.ROOT, "archive vs peer: 1 client p50 %.2f / %.2f ms (%.1fx), p99 %.2f / %.2f ms "
                                + "(%.1fx); %d clients %.0f / %.0f queries/s (%.2fx)%s%n",
                        ours.p().millis(50), theirs.p().millis(50), ours.p().millis(50) / theirs.p().millis(50),
                        ours.p().millis(99), theirs.p().millis(99), ours.p().millis(99) / theirs.p().millis(99),
                        s.clients(), oursRate, peerRate, oursRate / peerRate,
                        recall == null ? "" : String.format(Locale.ROOT, "; recall %.1f %% / %.1f %%",
                                100 * recall.ours(), 100 * recall.peer()));
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
        }
    }

    /** One side's single-client run: the time of each query (after a warm-up pass) and its total. */
    private record Side(long[] nanos, long[] totals, Percentiles p) {
    }

    private interface Searcher {
        long total(QueryMix.Query q) throws Exception;
    }

    private Side single(String name, List<QueryMix.Query> mix, Searcher searcher) throws Exception {
        for (QueryMix.Query q : mix) {
            searcher.total(q);
        }
        // wall time is what a user waits; the thread's CPU time shows how much of it other jobs on the host took
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] single = new long[mix.size()];
        long[] cpu = new long[mix.size()];
        long[] totals = new long[mix.size()];
        long hits = 0;
        for (int i = 0; i < mix.size(); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            totals[i] = searcher.total(mix.get(i));
            single[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            hits += totals[i];
        }
        Percentiles one = new Percentiles(single);
        Percentiles oneCpu = new Percentiles(cpu);
        out.printf(Locale.ROOT, "%s, 1 client: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries, %.1f hits each)%n",
                name, one.millis(50), one.millis(90), one.millis(99), one.millis(100), mix.size(),
                (double) hits / mix.size());
        out.printf(Locale.ROOT, "%s, 1 client, CPU time of the searching thread: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                name, oneCpu.millis(50), oneCpu.millis(90), oneCpu.millis(99));
        return new Side(single, totals, one);
    }

    private SearchResult search(String query) throws Exception {
        return app.search().search(new SearchRequest(query, null, null, null, null, 1, 20));
    }

    private interface Client {
        void search(QueryMix.Query q) throws Exception;
    }

    private double concurrent(String name, List<QueryMix.Query> mix, int clients, int seconds, Client client)
            throws InterruptedException {
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
                        client.search(mix.get(i % mix.size()));
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
        double rate = done.get() / elapsed;
        out.printf(Locale.ROOT, "%s, %d clients for %ds: %.0f queries/s; latency p50 %.2f ms, p99 %.2f ms%n", name,
                clients, seconds, rate, p.millis(50), p.millis(99));
        return rate;
    }

    private void heap() {
        out.println(Heap.describe());
    }

    /** Mean share of the grep set found, over the queries whose grep set is not empty. */
    private record Recall(double ours, double peer) {
    }

    /**
     * ripgrep against the index on the same queries (median times), and the recall of both indexes
     * against ripgrep's lines: the passages holding every run of the query (its filters applied
     * through the lines' year and section).
     */
    private Recall scan(List<QueryMix.Query> queries, long[] indexNanos, PassageExport export, SmartcnPeer peer)
            throws Exception {
        if (!LineScan.available()) {
            out.println("scan: ripgrep (rg) not found; install it (Debian: apt-get install ripgrep) for the ratio and recall");
            return null;
        }
        long bytes = export.bytes();
        LineScan scan = new LineScan(export.dir());
        long[] scanNanos = new long[queries.size()];
        long[] sameIndex = new long[queries.size()];
        SmartcnPeer.LineFacts facts = peer.facts(export.lines());
        Map<String, int[]> notText = titlesAndHeadings();
        double oursSum = 0;
        double peerSum = 0;
        int counted = 0;
        int peerMissesSome = 0;
        int peerFindsNone = 0;
        long oursExtra = 0;
        for (int i = 0; i < queries.size(); i++) {
            QueryMix.Query q = queries.get(i);
            long t0 = System.nanoTime();
            scan.count(q.runs());
            scanNanos[i] = System.nanoTime() - t0;
            sameIndex[i] = indexNanos[i];

            BitSet grep = filtered(scan.lines(q.runs(), export), q, facts);
            BitSet ours = new BitSet();
            app.search().forEachMatch(new SearchRequest(q.text(), null, null, null, null, 1, 20),
                    (report, ordinal) -> {
                        long text = textOrdinal(notText.get(report), ordinal);
                        int line = text < 0 ? -1 : export.line(report, text);
                        if (line >= 0) {
                            ours.set(line);
                        }
                    });
            BitSet theirs = peer.matches(q);
            int want = grep.cardinality();
            if (want == 0) {
                continue;
            }
            counted++;
            BitSet extra = (BitSet) ours.clone();
            extra.andNot(grep);
            oursExtra += extra.cardinality();
            ours.and(grep);
            theirs.and(grep);
            oursSum += (double) ours.cardinality() / want;
            double found = (double) theirs.cardinality() / want;
            peerSum += found;
            peerMissesSome += found < 1 ? 1 : 0;
            peerFindsNone += theirs.isEmpty() ? 1 : 0;
        }
        double scanMedian = new Percentiles(scanNanos).millis(50);
        double indexMedian = new Percentiles(sameIndex).millis(50);
        out.printf(Locale.ROOT, "scan: ripgrep over %d MB of extracted text, %d queries: median %.1f ms; "
                + "index median on the same queries %.2f ms; index is %.0fx faster%n", bytes >> 20, queries.size(),
                scanMedian, indexMedian, scanMedian / indexMedian);
        Recall recall = new Recall(counted == 0 ? 1 : oursSum / counted, counted == 0 ? 1 : peerSum / counted);
        out.printf(Locale.ROOT, "recall against ripgrep's passages (%d queries with some): archive %.1f %% "
                        + "(%d passages found beyond them), peer %.1f %% (misses some for %.0f %% of queries, "
                        + "finds none for %.0f %%)%n", counted, 100 * recall.ours(), oursExtra, 100 * recall.peer(),
                100.0 * peerMissesSome / Math.max(1, counted), 100.0 * peerFindsNone / Math.max(1, counted));
        return recall;
    }

    /**
     * The ordinals of each report's title and headings, in order. The index numbers every passage a reader
     * sees (Passages.searchable), the export running text only (Passages.of, one line each): a match's line
     * is its ordinal less the titles and headings before it. Read from the index, so that an export written
     * before stays valid.
     */
    private Map<String, int[]> titlesAndHeadings() throws IOException {
        Map<String, List<Integer>> found = new HashMap<>();
        IndexSearcher searcher = app.archive().index().acquire();
        try {
            Query notText = new TermInSetQuery(Fields.PASSAGE, List.of(new BytesRef("title"), new BytesRef("heading")));
            Weight weight = searcher.createWeight(searcher.rewrite(notText), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.REPORT_ID);
                NumericDocValues ordinals = DocValues.getNumeric(leaf.reader(), Fields.ORDINAL);
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if ((live == null || live.get(doc)) && ids.advanceExact(doc) && ordinals.advanceExact(doc)) {
                        found.computeIfAbsent(ids.lookupOrd(ids.ordValue()).utf8ToString(), k -> new ArrayList<>())
                                .add((int) ordinals.longValue());
                    }
                }
            }
        } finally {
            app.archive().index().release(searcher);
        }
        Map<String, int[]> out = new HashMap<>();
        found.forEach((id, list) -> out.put(id, list.stream().mapToInt(Integer::intValue).sorted().toArray()));
        return out;
    }

    /** The running-text ordinal of a passage of the index; -1 for a title or heading. */
    static long textOrdinal(int[] titlesAndHeadings, long ordinal) {
        if (titlesAndHeadings == null) {
            return ordinal;
        }
        int at = Arrays.binarySearch(titlesAndHeadings, (int) ordinal);
        return at >= 0 ? -1 : ordinal + at + 1; // -(insertion point) - 1: insertion point = how many come before
    }

    /** The grep set with the query's year and section filters applied. */
    private static BitSet filtered(BitSet lines, QueryMix.Query q, SmartcnPeer.LineFacts facts) {
        for (String part : q.text().split("\\s+")) {
            if (part.startsWith("year:")) {
                int year = Integer.parseInt(part.substring(5));
                for (int l = lines.nextSetBit(0); l >= 0; l = lines.nextSetBit(l + 1)) {
                    if (facts.year()[l] != year) {
                        lines.clear(l);
                    }
                }
            } else if (part.startsWith("section:")) {
                int section = SectionType.valueOf(part.substring(8).toUpperCase(Locale.ROOT)).ordinal();
                for (int l = lines.nextSetBit(0); l >= 0; l = lines.nextSetBit(l + 1)) {
                    if (facts.section()[l] != section) {
                        lines.clear(l);
                    }
                }
            }
        }
        return lines;
    }
}
