package cn.reportarchive.compare;

import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.index.Fields;
import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the copy store and keeps it in step: the first time from the archive (page by page, each
 * report's fingerprints and problem bands stored), then the fingerprint file written, the weight
 * snapshot taken, and every text's pairs and every band's links found; after that one report at a
 * time as reports come, change and go. Loading a built store reads one small row per text.
 */
final class CopyBuild {
    private static final Logger LOG = LoggerFactory.getLogger(CopyBuild.class);
    private static final int BATCH = 500;
    /** Entries outside the fingerprint file (on the heap) from which the file is written again. */
    private static final long OUTSIDE_MAX = 8_000_000;

    private final ReportArchive archive;
    private final TemplateLibrary templates;
    private final CopyStore store;
    private final Path file;
    private final MemoryBudget budget;

    /** The store as loaded: the fingerprint index and the common problems over it. */
    record Loaded(CopyIndex index, CommonProblems common, boolean caughtUp) {
    }

    CopyBuild(ReportArchive archive, TemplateLibrary templates, CopyStore store, Path file, MemoryBudget budget) {
        this.archive = archive;
        this.templates = templates;
        this.store = store;
        this.file = file;
        this.budget = budget;
    }

    /** The store loaded; built first from the archive when it holds nothing yet. */
    Loaded open() throws SQLException, IOException {
        WeightSnapshot snapshot = readSnapshot();
        if (snapshot == null || store.textCount() == 0 && archive.count() > 0) {
            return build(snapshot); // a store lost but its snapshot kept is built again under that snapshot
        }
        return load(snapshot, false);
    }

    private Loaded load(WeightSnapshot snapshot, boolean caughtUp) throws SQLException, IOException {
        CopyIndex index = new CopyIndex(PrintIndex.open(file), snapshot);
        byte[] docs = store.state("file.docs");
        int inFile = docs == null ? 0 : (int) java.nio.ByteBuffer.wrap(docs).getLong();
        AtomicInteger next = new AtomicInteger();
        store.forEachText(false, false, row -> {
            if (row.doc() == null) {
                return;
            }
            while (next.get() < row.doc()) { // a text of the file deleted or changed since: its entries are left out
                index.registerGone(next.getAndIncrement());
            }
            index.register(text(row), null, true);
            next.incrementAndGet();
        });
        while (next.get() < inFile) {
            index.registerGone(next.getAndIncrement());
        }
        List<CopyIndex.Text> outside = new ArrayList<>();
        List<long[]> entries = new ArrayList<>();
        store.forEachText(true, true, row -> {
            outside.add(text(row));
            entries.add(row.prints());
        });
        index.registerAll(outside, entries);
        return new Loaded(index, new CommonProblems(store, similarity(snapshot)), caughtUp);
    }

    private static CopyIndex.Text text(CopyStore.TextRow row) {
        return new CopyIndex.Text(row.id(), row.unit(), row.author(), row.year(), row.template(), row.own());
    }

    private static Similarity similarity(WeightSnapshot snapshot) {
        // pairs only: segmenting every point of the archive would cost more than the grouping itself
        return new Similarity(snapshot.weights(), null, Similarity.Settings.PAIRS_ONLY);
    }

    /**
     * Reads the whole archive into an empty store: the backfill of an archive from before the store.
     * {@code keep}: the snapshot to weigh by, or null to take a new one once the texts are in.
     */
    private Loaded build(WeightSnapshot keep) throws SQLException, IOException {
        long t0 = System.nanoTime();
        int total = archive.count();
        LOG.info("查重指纹库：首次建立，读取 {} 份材料的指纹与问题签名…", total);
        store.inTransaction(() -> {
            store.clearAll();
            store.setState("file.docs", CopyStore.number(0));
            if (keep != null) {
                saveSnapshot(keep);
            }
            return null;
        });
        CopyIndex scratch = new CopyIndex(PrintIndex.empty(), WeightSnapshot.empty());
        CommonProblems bands = new CommonProblems(store, similarity(WeightSnapshot.empty()));
        List<Report> page = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        archive.forEach(r -> {
            page.add(r);
            if (page.size() >= BATCH) {
                storeMaterial(page, scratch, bands, done, total);
                page.clear();
            }
        });
        storeMaterial(page, scratch, bands, done, total);
        store.inTransaction(() -> {
            for (TemplateLibrary.Template t : templatesNow()) {
                putMaterial(scratch, TemplateLibrary.asDoc(t), null, bands);
            }
            return null;
        });
        LOG.info("查重指纹库：{} 份材料的指纹已存入（{} 秒），建立索引与快照…", done.get(), (System.nanoTime() - t0) / 1_000_000_000L);
        Loaded loaded = derive(keep);
        LOG.info("查重指纹库：建立完成，用时 {} 秒", (System.nanoTime() - t0) / 1_000_000_000L);
        return loaded;
    }

    private void storeMaterial(List<Report> page, CopyIndex scratch, CommonProblems bands, AtomicInteger done, int total) {
        // fingerprints on every core; the rows written in one transaction per page
        List<CopyIndex.Prints> prints = page.parallelStream().map(r -> CopyIndex.prints(CopyService.asDoc(r))).toList();
        try {
            store.inTransaction(() -> {
                for (int i = 0; i < page.size(); i++) {
                    putMaterial(scratch, CopyService.asDoc(page.get(i)), prints.get(i).entries(), null);
                    bands.addBands(page.get(i));
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        int n = done.addAndGet(page.size());
        if (n / 5000 != (n - page.size()) / 5000 || n == total) {
            LOG.info("查重指纹库：已读入 {}/{} 份材料", n, total);
        }
    }

    /** A text's row as the store keeps it (its own wording counted later, against the snapshot). */
    private void putMaterial(CopyIndex scratch, CopyDoc doc, long[] entries, CommonProblems bands) throws SQLException {
        long[] e = entries != null ? entries : CopyIndex.prints(doc).entries();
        store.putText(new CopyStore.TextRow(doc.id(), null, doc.unit(), doc.author(), doc.year(), doc.title(), doc.template(),
                CopyService.complete(doc), 0, e));
    }

    /**
     * From the stored rows: the fingerprint file written, a new snapshot taken, each text's own
     * wording counted, every pair and every link found again. What the whole store's figures rest on.
     */
    private Loaded derive(WeightSnapshot keep) throws SQLException, IOException {
        long t0 = System.nanoTime();
        Map<String, Integer> docs = writeFile();
        int reports = (int) store.completeReports();
        WeightSnapshot snapshot = keep != null ? keep : takeSnapshot(reports);
        store.inTransaction(() -> {
            saveSnapshot(snapshot);
            store.clearDerived();
            return null;
        });
        store.setDocs(docs);
        CopyIndex counting = new CopyIndex(PrintIndex.empty(), snapshot);
        List<String[]> own = new ArrayList<>();
        store.forEachText(true, false, row -> own.add(new String[] {row.id(), String.valueOf(counting.own(row.prints()).length)}));
        store.inTransaction(() -> {
            for (String[] o : own) {
                store.setOwn(o[0], Integer.parseInt(o[1]));
            }
            return null;
        });
        own.clear();
        Loaded loaded = load(snapshot, false);
        LOG.info("查重指纹库：指纹文件与快照（{} 份材料，{} 个常用语指纹）用时 {} 秒；查找雷同材料对…", snapshot.texts(), snapshot.stock().length,
                (System.nanoTime() - t0) / 1_000_000_000L);
        pairAll(loaded);
        LOG.info("查重指纹库：雷同材料对已找出（{} 秒）；核对共性问题…", (System.nanoTime() - t0) / 1_000_000_000L);
        loaded.common().linkAll();
        return new Loaded(loaded.index(), loaded.common(), true);
    }

    /** Every text's pairs, on every core (lookups only read); written page by page. */
    private void pairAll(Loaded loaded) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<long[]> owns = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        int total = loaded.index().size();
        store.forEachText(true, false, row -> {
            ids.add(row.id());
            owns.add(loaded.index().own(row.prints()));
            if (ids.size() >= BATCH) {
                pairPage(loaded, ids, owns, done, total);
                ids.clear();
                owns.clear();
            }
        });
        pairPage(loaded, ids, owns, done, total);
    }

    private void pairPage(Loaded loaded, List<String> ids, List<long[]> owns, AtomicInteger done, int total) throws SQLException {
        List<List<CopyIndex.PairRow>> found = java.util.stream.IntStream.range(0, ids.size()).parallel()
                .mapToObj(i -> loaded.index().pairsOf(ids.get(i), owns.get(i), CopyService.COPY_THRESHOLD)).toList();
        store.inTransaction(() -> {
            found.forEach(rows -> {
                try {
                    store.putPairs(rows);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            return null;
        });
        int n = done.addAndGet(ids.size());
        if (n / 10000 != (n - ids.size()) / 10000 || n == total) {
            LOG.info("查重指纹库：已比对 {}/{} 份", n, total);
        }
    }

    /** Writes the fingerprint file of every text that takes part, numbered in id order; returns the numbers. */
    private Map<String, Integer> writeFile() throws SQLException, IOException {
        Map<String, Integer> docs = new LinkedHashMap<>();
        PrintIndex.write(file, each -> {
            int[] n = {0};
            try {
                store.forEachText(true, false, row -> {
                    try {
                        each.accept(n[0]++, row.prints());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (SQLException e) {
                throw new IOException(e);
            }
        });
        int[] n = {0};
        store.forEachText(false, false, row -> docs.put(row.id(), n[0]++));
        store.setState("file.docs", CopyStore.number(docs.size()));
        return docs;
    }

    /** Stock fingerprints (held by more texts than the limit; templates not counted) and the pair frequencies of the search index. */
    private WeightSnapshot takeSnapshot(int reports) throws SQLException, IOException {
        PrintIndex written = PrintIndex.open(file);
        Set<Integer> templateDocs = new HashSet<>();
        int[] k = {0};
        store.forEachText(false, false, row -> {
            if (row.template()) {
                templateDocs.add(k[0]);
            }
            k[0]++;
        });
        int limit = WeightSnapshot.stockLimit(reports);
        long[][] stock = {new long[1024]};
        int[] size = {0};
        long[] current = {Long.MIN_VALUE, 0, -1}; // hash, texts, last text
        boolean[] first = {true};
        Runnable close = () -> {
            if (!first[0] && current[1] > limit) {
                if (size[0] == stock[0].length) {
                    stock[0] = java.util.Arrays.copyOf(stock[0], size[0] * 2);
                }
                stock[0][size[0]++] = current[0];
            }
        };
        written.forEachInFile(e -> {
            long h = PrintIndex.hashOf(e);
            int d = PrintIndex.docOf(e);
            if (first[0] || h != current[0]) {
                close.run();
                first[0] = false;
                current[0] = h;
                current[1] = 0;
                current[2] = -1;
            }
            if (d != current[2] && !templateDocs.contains(d)) {
                current[1]++;
            }
            current[2] = d;
        });
        close.run();
        long[] stockHashes = java.util.Arrays.copyOf(stock[0], size[0]);
        int[][] grams = gramFrequencies();
        long passages = grams[2][0];
        return new WeightSnapshot(Instant.now().toString(), reports, stockHashes, grams[0], grams[1], Math.max(1, passages));
    }

    /** How many passages of the search index hold each pair of Han characters: {grams, frequencies, {passages}}. */
    private int[][] gramFrequencies() throws IOException {
        IndexSearcher searcher = archive.index().acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            Terms terms = MultiTerms.getTerms(reader, Fields.TEXT_GRAMS);
            int[] grams = new int[1024];
            int[] df = new int[1024];
            int n = 0;
            if (terms != null) {
                TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    String pair = t.utf8ToString();
                    if (pair.length() != 2) {
                        continue;
                    }
                    if (n == grams.length) {
                        grams = java.util.Arrays.copyOf(grams, n * 2);
                        df = java.util.Arrays.copyOf(df, n * 2);
                    }
                    grams[n] = TextKey.gram(pair.charAt(0), pair.charAt(1));
                    df[n] = te.docFreq();
                    n++;
                }
            }
            // sorted by gram for lookups (the terms come in byte order, not in char order)
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            int[] g = grams;
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(g[a], g[b]));
            int[] sortedGrams = new int[n];
            int[] sortedDf = new int[n];
            for (int i = 0; i < n; i++) {
                sortedGrams[i] = grams[order[i]];
                sortedDf[i] = df[order[i]];
            }
            return new int[][] {sortedGrams, sortedDf, {reader.numDocs()}};
        } finally {
            archive.index().release(searcher);
        }
    }

    private void saveSnapshot(WeightSnapshot s) throws SQLException {
        store.setState("snapshot.taken", CopyStore.utf8(s.taken()));
        store.setState("snapshot.texts", CopyStore.number(s.texts()));
        store.setState("snapshot.stock", WeightSnapshot.longs(s.stock()));
        store.setState("snapshot.grams", WeightSnapshot.ints(s.grams()));
        store.setState("snapshot.gramdf", WeightSnapshot.ints(s.gramFrequency()));
        store.setState("snapshot.passages", CopyStore.number(s.passages()));
    }

    private WeightSnapshot readSnapshot() throws SQLException {
        byte[] taken = store.state("snapshot.taken");
        if (taken == null) {
            return null;
        }
        return new WeightSnapshot(CopyStore.utf8(taken), (int) java.nio.ByteBuffer.wrap(store.state("snapshot.texts")).getLong(),
                WeightSnapshot.longs(store.state("snapshot.stock")), WeightSnapshot.ints(store.state("snapshot.grams")),
                WeightSnapshot.ints(store.state("snapshot.gramdf")), java.nio.ByteBuffer.wrap(store.state("snapshot.passages")).getLong());
    }

    private java.util.Optional<TemplateLibrary.Template> template(String id) throws SQLException {
        try {
            return templates.get(id);
        } catch (IOException e) {
            throw new SQLException("template unreadable", e);
        }
    }

    private List<TemplateLibrary.Template> templatesNow() throws SQLException {
        try {
            return templates.list();
        } catch (IOException e) {
            throw new SQLException("templates unreadable", e);
        }
    }

    /**
     * Brings a loaded store in step: the first time in a process, every report id of the catalog and
     * every template against the store's (what an earlier process could not take in); then the
     * reports marked as changed since.
     */
    Loaded catchUp(Loaded loaded) throws SQLException, IOException {
        Set<String> remove = new HashSet<>();
        Set<String> add = new HashSet<>();
        Set<String> templateIds = CopyService.ids(templatesNow());
        if (!loaded.caughtUp()) {
            Set<String> have = store.textIds();
            Set<String> ids = archive.ids();
            for (String id : have) {
                if (id.startsWith(CopyService.TEMPLATE) ? !templateIds.contains(id) : !ids.contains(id)) {
                    remove.add(id);
                }
            }
            for (String id : ids) {
                if (!have.contains(id)) {
                    add.add(id);
                }
            }
            for (String id : templateIds) {
                if (!have.contains(id)) {
                    add.add(id);
                }
            }
        }
        List<String> dirty = store.dirty();
        for (String id : dirty) {
            remove.add(id);
            add.add(id);
        }
        if (loaded.caughtUp()) { // templates come and go through their own commands: looked at on every use
            for (String id : templateIds) {
                if (!loaded.index().contains(id) && !store.hasText(id)) {
                    add.add(id);
                }
            }
        }
        if (remove.isEmpty() && add.isEmpty()) {
            return new Loaded(loaded.index(), loaded.common(), true);
        }
        if (add.size() + remove.size() > 100) {
            LOG.info("查重指纹库：补入 {} 份、移出 {} 份材料", add.size(), remove.size());
        }
        List<String> order = CopyService.sorted(add);
        store.inTransaction(() -> {
            for (String id : CopyService.sorted(remove)) {
                removeText(loaded, id);
            }
            return null;
        });
        for (int from = 0; from < order.size(); from += BATCH) {
            List<String> page = order.subList(from, Math.min(order.size(), from + BATCH));
            store.inTransaction(() -> {
                for (String id : page) {
                    if (id.startsWith(CopyService.TEMPLATE)) {
                        var t = template(id.substring(CopyService.TEMPLATE.length()));
                        if (t.isPresent()) {
                            addDoc(loaded, TemplateLibrary.asDoc(t.get()), null);
                        }
                    } else {
                        var r = archive.get(id);
                        if (r.isPresent()) {
                            addDoc(loaded, CopyService.asDoc(r.get()), r.get());
                        }
                    }
                }
                return null;
            });
        }
        store.inTransaction(() -> {
            for (String id : dirty) {
                store.clean(id);
            }
            return null;
        });
        return new Loaded(loaded.index(), loaded.common(), true);
    }

    /** Takes in newly imported reports: their rows, pairs and links, in one transaction. */
    void addAll(Loaded loaded, List<Report> reports) throws SQLException {
        store.inTransaction(() -> {
            for (Report r : reports) {
                removeText(loaded, r.id());
                addDoc(loaded, CopyService.asDoc(r), r);
            }
            return null;
        });
    }

    private void addDoc(Loaded loaded, CopyDoc doc, Report report) throws SQLException {
        long[] entries = CopyIndex.prints(doc).entries();
        long[] own = loaded.index().own(entries);
        boolean complete = CopyService.complete(doc);
        store.putText(new CopyStore.TextRow(doc.id(), null, doc.unit(), doc.author(), doc.year(), doc.title(), doc.template(),
                complete, own.length, entries));
        if (complete) {
            loaded.index().register(new CopyIndex.Text(doc.id(), doc.unit(), doc.author(), doc.year(), doc.template(), own.length),
                    entries, false);
            store.putPairs(loaded.index().pairsOf(doc.id(), own, CopyService.COPY_THRESHOLD));
        }
        if (report != null) {
            loaded.common().add(report);
        }
    }

    private void removeText(Loaded loaded, String id) throws SQLException {
        store.deletePairsOf(id);
        store.deleteText(id);
        loaded.index().remove(id);
        loaded.common().remove(id);
    }

    /**
     * A new snapshot once the archive has twice the texts of the last one (every figure then
     * weighed anew, at once); the fingerprint file written again when too much sits beside it.
     */
    Loaded renewIfGrown(Loaded loaded) throws SQLException, IOException {
        WeightSnapshot s = loaded.index().snapshot();
        int reports = (int) store.completeReports();
        if (reports >= Math.max(2, 2L * s.texts())) {
            LOG.info("查重指纹库：材料数已达上次快照（{} 份）的两倍，重新取快照并重算", s.texts());
            return derive(null);
        }
        if (loaded.index().outsideFile() > Math.max(OUTSIDE_MAX / 8, Math.min(OUTSIDE_MAX, loaded.index().fingerprints() / 4))) {
            Map<String, Integer> docs = writeFile();
            store.setDocs(docs);
            return load(s, true);
        }
        return loaded;
    }
}
