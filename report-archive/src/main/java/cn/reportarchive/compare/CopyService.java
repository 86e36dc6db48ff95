package cn.reportarchive.compare;

import cn.reportarchive.archive.Hashes;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy checks and the problems common to several units, over the whole archive, read from the
 * copy store ({@link CopyStore}, {@code copies.db}, and the fingerprint file {@code copies.prints}):
 * each report's fingerprints and its problems' MinHash bands are stored when it is imported,
 * dropped when it is deleted and computed again when it is corrected, and the pairs and links it
 * makes are found at once, so a report is in the archive-wide answers as soon as it is imported.
 * An archive from before the store is read into it once, at the first use, with progress in the
 * log. Shares and links are weighed by a {@link WeightSnapshot} taken when the store was built and
 * renewed when the archive has doubled since.
 */
public final class CopyService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CopyService.class);
    /** Share of a text's own wording shared with another from which the pair is listed as copied (chosen on the test sets). */
    public static final double COPY_THRESHOLD = 0.3;
    private static final int MAX_SOURCES = 10;
    /** What loading (or the first build's pages) may take of the heap. */
    private static final long LOAD_BYTES = 64L << 20;
    private static final long BYTES_PER_PAIR = 2048;
    private static final long CHECK_BYTES = 1L << 20;
    static final String TEMPLATE = "template:";
    private static final String BUSY = "服务器内存不足，暂时无法完成全库查重或共性问题统计，请稍后再试或请管理员为服务分配更多内存。";

    private final ReportArchive archive;
    private final TemplateLibrary templates;
    private final TikaExtractor extractor;
    private final Path dir;
    private final MemoryBudget budget;
    private CopyStore store;
    private CopyBuild.Loaded loaded;

    public CopyService(ReportArchive archive, TemplateLibrary templates, TikaExtractor extractor, Path dataDir, MemoryBudget budget) {
        this.archive = archive;
        this.templates = templates;
        this.extractor = extractor;
        this.dir = dataDir;
        this.budget = budget;
    }

    /** Hooks the service to the archive: imports are taken in at once, changes marked and taken in at the next use. */
    public void attach() {
        archive.onReportsImported(this::imported);
        archive.onReportsChanged(this::forget);
    }

    private synchronized CopyStore store() throws SQLException {
        if (store == null) {
            store = new CopyStore(dir.resolve("copies.db"));
        }
        return store;
    }

    /** The store loaded and in step with the archive: built from the archive the first time, brought up to date after. */
    private synchronized CopyBuild.Loaded ready() throws SQLException, IOException, CompareException {
        try {
            if (loaded == null) {
                budget.require(LOAD_BYTES, BUSY);
                loaded = builder().open();
            }
            CopyBuild b = builder();
            loaded = b.catchUp(loaded);
            loaded = b.renewIfGrown(loaded);
            return loaded;
        } catch (OutOfMemoryError e) {
            loaded = null; // whatever was half loaded goes; the next call starts again
            LOG.error("copy store: out of memory while loading", e);
            throw new CompareException(CompareException.Reason.UNAVAILABLE, BUSY);
        }
    }

    private CopyBuild builder() throws SQLException {
        return new CopyBuild(archive, templates, store(), dir.resolve("copies.prints"), budget);
    }

    private synchronized void imported(List<Report> reports) {
        try {
            CopyBuild b = builder();
            if (loaded == null) {
                // the first use in this process: built or caught up with the catalog, which holds these reports already
                loaded = b.catchUp(b.open());
            } else {
                loaded = b.catchUp(loaded); // what a failed hook or an earlier change left for later
                b.addAll(loaded, reports);
            }
            loaded = b.renewIfGrown(loaded);
        } catch (SQLException | IOException | RuntimeException | OutOfMemoryError e) {
            // the import stands; the copy store takes these reports in at the next use
            LOG.error("copy store: imported reports not taken in yet", e);
            loaded = null;
            try {
                store().markDirty(reports.stream().map(Report::id).toList());
            } catch (SQLException e2) {
                LOG.error("copy store: could not mark reports for later", e2);
            }
        }
    }

    /**
     * Marks these reports (changed in place: a unit merge, a correction, a re-parse, or deleted) to be
     * read again at the next use; the mark is stored, so a process that ends first leaves it for the next.
     */
    public synchronized void forget(Collection<String> reportIds) {
        try {
            store().markDirty(List.copyOf(reportIds));
        } catch (SQLException e) {
            LOG.error("copy store: could not mark changed reports", e);
            loaded = null;
        }
    }

    public synchronized CopyCheck check(String reportId) throws CompareException, SQLException, IOException {
        CopyBuild.Loaded now = ready();
        // a report left out of the index (no unit or year yet) can still be checked against the others
        Optional<Report> report = reportId == null || reportId.startsWith(TEMPLATE) ? Optional.empty() : archive.get(reportId);
        if (report.isEmpty()) {
            throw new CompareException(CompareException.Reason.NOT_FOUND, "找不到编号为 " + reportId + " 的材料。");
        }
        CopyDoc doc = asDoc(report.get());
        long[] entries = store().prints(reportId);
        if (entries == null) {
            entries = CopyIndex.prints(doc).entries();
        }
        budget.require(CHECK_BYTES + entries.length * 64L, BUSY);
        try {
            return now.index().check(doc, entries, this::fetchQuietly, MAX_SOURCES);
        } catch (OutOfMemoryError e) {
            LOG.error("copy check: out of memory", e);
            throw new CompareException(CompareException.Reason.UNAVAILABLE, BUSY);
        }
    }

    private CopyDoc fetchQuietly(String id) {
        try {
            if (id.startsWith(TEMPLATE)) {
                return templates.get(id.substring(TEMPLATE.length())).map(TemplateLibrary::asDoc).orElse(null);
            }
            return archive.get(id).map(CopyService::asDoc).orElse(null); // gone meanwhile: shown without passages
        } catch (SQLException | IOException e) {
            LOG.warn("copy check: source {} not readable: {}", id, e.getMessage());
            return null;
        }
    }

    /** The most-copied pairs, read from the store. */
    public synchronized List<CopyCheck.Pair> pairs(int limit) throws SQLException, IOException, CompareException {
        ready();
        budget.require(limit * BYTES_PER_PAIR, BUSY);
        try {
            return store().topPairs(Math.max(1, limit));
        } catch (OutOfMemoryError e) {
            throw new CompareException(CompareException.Reason.UNAVAILABLE, BUSY);
        }
    }

    /** The groups read again at the next answer (as after a change they cannot take in). */
    synchronized void regroup() throws SQLException, IOException, CompareException {
        ready().common().invalidate();
    }

    /** Problems raised by at least two units, most units first; {@code year} null for all years. */
    public synchronized List<CommonProblems.Group> common(Integer year, int limit) throws SQLException, IOException, CompareException {
        CopyBuild.Loaded now = ready();
        budget.require(now.common().estimate(), BUSY);
        try {
            return now.common().groups(year, 2, limit, 10);
        } catch (OutOfMemoryError e) {
            now.common().invalidate();
            LOG.error("common problems: out of memory", e);
            throw new CompareException(CompareException.Reason.UNAVAILABLE, BUSY);
        }
    }

    /** The snapshot the figures are weighed by: when it was taken and over how many texts. */
    public synchronized WeightSnapshot.Stated weights() throws SQLException, IOException, CompareException {
        return ready().index().snapshot().stated();
    }

    public TemplateLibrary.Template addTemplate(String name, String filename, byte[] bytes)
            throws CompareException, IOException {
        String text;
        try {
            text = extractor.extract(bytes, filename).text();
        } catch (ExtractionException e) {
            // as for an import: the user has the sentence, the log the file's hash and the parser's cause
            LoggerFactory.getLogger(CopyService.class).warn("template {} (sha256 {}) not read: {}", filename,
                    Hashes.sha256(bytes), e.getMessage(), e.getCause());
            throw new CompareException(CompareException.Reason.BAD_REQUEST, e.getMessage());
        }
        if (text.strip().length() < 20) {
            throw new CompareException(CompareException.Reason.BAD_REQUEST, "范文中没有可用的文字（少于 20 个字）。");
        }
        String shown = name == null || name.isBlank() ? filename : name.strip();
        return templates.add(shown.length() > 200 ? shown.substring(0, 200) : shown, text);
    }

    public List<TemplateLibrary.Template> templates() throws IOException {
        return templates.list();
    }

    public boolean removeTemplate(String id) throws IOException {
        boolean removed = templates.remove(id);
        if (removed) {
            forget(List.of(TEMPLATE + id)); // taken out of the store at the next use
        }
        return removed;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (store != null) {
            store.close();
            store = null;
        }
        loaded = null;
    }

    /**
     * Whether a text takes part in archive-wide results: a template, or a report whose unit and year
     * are known. One imported without them (marked no-unit / no-year) cannot be placed before or after
     * another, nor told apart from its own unit's, so it stays out until a correction completes it.
     */
    static boolean complete(CopyDoc doc) {
        return doc.template() || doc.unit() != null && doc.year() != null;
    }

    static CopyDoc asDoc(Report r) {
        List<CopyDoc.Piece> pieces = Passages.of(r).stream().map(p -> new CopyDoc.Piece(p.ref().toString(), p.text())).toList();
        return new CopyDoc(r.id(), r.unit(), r.author(), r.year(), r.title(), false, pieces);
    }

    static Set<String> ids(Collection<TemplateLibrary.Template> ts) {
        Set<String> out = new HashSet<>();
        ts.forEach(t -> out.add(TEMPLATE + t.id()));
        return out;
    }

    static List<String> sorted(Collection<String> ids) {
        List<String> out = new ArrayList<>(ids);
        out.sort(null);
        return out;
    }
}
