package cn.reportarchive.archive;

import cn.reportarchive.extract.ExtractedText;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.ParserUnavailableException;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import cn.reportarchive.parse.ReportSummary;
import cn.reportarchive.parse.ReportWarning;
import cn.reportarchive.parse.WarningCode;
import cn.reportarchive.parse.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive: originals, catalog and index kept in step. A report is visible when its catalog
 * row exists; the row is written last, after the original is stored and the passages are
 * committed to the index, and {@link #recover(boolean)} removes whatever a crash left half done.
 */
public final class ReportArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ReportArchive.class);

    private final OriginalStore originals;
    private final Catalog catalog;
    private final ReportIndex index;
    private final TikaExtractor extractor;
    private final ReportParser parser;
    /** One writer at a time, none once closing, and a mark when one failed part way. */
    private final WriteGuard guard = new WriteGuard();
    /** The same, seen from other processes: held while a write is half done (verify waits for it). */
    private final WritesUnderWay writing;
    /** Uploads in memory at once: four files of the largest size, whatever their number. */
    private final IntakeLimit intake;
    private final ArchiveMaintenance maintenance;
    /** The correction path. */
    private final ReportEditor editor;
    /** Every unit name, typed or read, resolves through it when a report is stored and when one is looked up. */
    private final UnitDirectory units;
    private final UnitAssignments unitAssignments;
    /** Told the ids of reports changed in place (a unit merge), e.g. the copy check's cache. */
    private final List<Consumer<List<String>>> changeListeners = new CopyOnWriteArrayList<>();
    /** Told each batch of reports just stored (the copy store takes in their fingerprints). */
    private final List<Consumer<List<Report>>> importListeners = new CopyOnWriteArrayList<>();

    public ReportArchive(OriginalStore originals, Catalog catalog, ReportIndex index,
                         TikaExtractor extractor, ReportParser parser, UnitDirectory units, WritesUnderWay writing) {
        this.writing = writing;
        this.originals = originals;
        this.catalog = catalog;
        this.index = index;
        this.extractor = extractor;
        this.parser = parser;
        this.units = units;
        this.unitAssignments = new UnitAssignments(catalog, index, units);
        this.intake = new IntakeLimit(INTAKE_FILES * extractor.limits().maxBytes(), INTAKE_WAIT);
        // a re-parse reads the written name again: it is resolved as on import (and nothing is written when unchanged)
        this.maintenance = new ArchiveMaintenance(guard.lock, originals, catalog, index, this::extract, this::interpret,
                this::withUnit, this::changed);
        this.editor = new ReportEditor(guard, catalog, index, new Corrections(parser.taxonomy()), this::withUnit, this::changed);
    }

    private static final int INTAKE_FILES = 4;
    private static final Duration INTAKE_WAIT = Duration.ofSeconds(30);

    /**
     * Room for a file of so many bytes to be taken in (an upload holds it in memory until stored);
     * waits while other large uploads are under way, and gives up after half a minute.
     */
    public IntakeLimit.Ticket admit(long bytes) throws ArchiveBusyException {
        return intake.admit(bytes);
    }

    public ReportIndex index() {
        return index;
    }

    public long maxBytes() {
        return extractor.limits().maxBytes();
    }

    /** Why a file over the size limit is not taken, in the words every entry point uses. */
    public String tooLargeMessage() {
        return extractor.limits().tooLargeMessage();
    }

    /** Imports one file. Never throws for a bad file: the outcome says what went wrong. */
    public ImportOutcome importFile(String filename, byte[] bytes, ImportMetadata given) {
        return commit(List.of(prepare(filename, bytes, given))).get(0);
    }

    /**
     * A file read and parsed, not yet in the archive: the work that can run on many threads.
     * Either a report ready to commit or an outcome already decided (duplicate, failed).
     */
    public record Prepared(String filename, byte[] bytes, ImportMetadata given, Report report, ImportOutcome decided,
                           ExtractedText text) {
        public Prepared(String filename, byte[] bytes, ImportMetadata given, Report report, ImportOutcome decided) {
            this(filename, bytes, given, report, decided, null);
        }
    }

    /** Extracts and parses a file; safe to call from several threads at once. */
    public Prepared prepare(String rawName, byte[] bytes, ImportMetadata given) {
        String filename = FileNames.clean(rawName);
        String sha256 = Hashes.sha256(bytes);
        try {
            Optional<String> existing = catalog.idOfSha(sha256);
            if (existing.isPresent()) {
                return new Prepared(filename, null, given, null, ImportOutcome.duplicate(filename, existing.get()));
            }
            ExtractedText text = extractor.extract(bytes, filename);
            return new Prepared(filename, bytes, given, interpret(text, filename, sha256, given), null, text);
        } catch (ParserUnavailableException e) {
            // not the file's fault: the parser could not run now, so the file is "not stored", not "failed"
            LOG.error("parser unavailable for {} (sha256 {}): {}", filename, sha256, e.getMessage(), e);
            return new Prepared(filename, null, given, null, ImportOutcome.notStored(filename, e.getMessage()));
        } catch (ExtractionException e) {
            // the user reads the sentence; the log keeps the parser's own words (its stack trace) beside it
            if (e.getCause() == null) {
                LOG.warn("import of {} (sha256 {}) failed: {}", filename, sha256, e.getMessage());
            } else {
                LOG.warn("import of {} (sha256 {}) failed: {}", filename, sha256, e.getMessage(), e);
            }
            return new Prepared(filename, null, given, null, ImportOutcome.failed(filename, e.getMessage()));
        } catch (SQLException e) {
            return new Prepared(filename, null, given, null, storeFailed(filename, e));
        } catch (RuntimeException | StackOverflowError e) {
            // a parser defect on one odd file must not stop the files after it; the trace is for us to mend it
            LOG.error("parser defect on {} (sha256 {})", filename, sha256, e);
            return new Prepared(filename, null, given, null,
                    ImportOutcome.failed(filename, "解析文件时出错（" + e.getClass().getSimpleName() + "），未导入。"));
        }
    }

    /**
     * A file read as an import reads it (the same extractor, in its worker processes, and the same
     * parser), but neither checked against the archive nor stored: a draft to be checked, which may
     * well be the same bytes as a report already archived. Throws the sentence an import would give.
     */
    public Report read(String rawName, byte[] bytes, ImportMetadata given) throws ExtractionException {
        String filename = FileNames.clean(rawName);
        try {
            return interpret(extractor.extract(bytes, filename), filename, Hashes.sha256(bytes), given);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("reading {} failed", filename, e);
            throw new ExtractionException("解析文件时出错（" + e.getClass().getSimpleName() + "）。");
        }
    }

    /**
     * Puts prepared reports into the archive together: originals stored, passages indexed in one
     * commit, catalog rows written in one transaction, last. A crash anywhere leaves each report of
     * the batch whole or absent (see {@link #recover(boolean)}); outcomes come back in the given order.
     */
    public List<ImportOutcome> commit(List<Prepared> prepared) {
        List<Prepared> batch = new ArrayList<>(prepared);
        ImportOutcome[] outcomes = new ImportOutcome[batch.size()];
        synchronized (guard.lock) {
            if (guard.closing()) {
                return batch.stream().map(p -> ImportOutcome.notStored(p.filename(), "档案库正在关闭，该文件未导入，请稍后重试。"))
                        .toList();
            }
            List<Integer> ready = new ArrayList<>();
            Map<String, String> inBatch = new HashMap<>();
            try {
                for (int i = 0; i < batch.size(); i++) {
                    Prepared p = batch.get(i);
                    if (p.decided() != null) {
                        outcomes[i] = p.decided();
                        continue;
                    }
                    String sha = p.report().sha256();
                    Optional<String> existing = catalog.idOfSha(sha);
                    if (existing.isEmpty() && inBatch.containsKey(sha)) {
                        existing = Optional.of(inBatch.get(sha));
                    }
                    if (existing.isPresent()) {
                        outcomes[i] = ImportOutcome.duplicate(p.filename(), existing.get());
                        continue;
                    }
                    inBatch.put(sha, p.report().id());
                    ready.add(i);
                }
                if (!ready.isEmpty()) {
                    try (FileLock held = writing.hold()) {
                        resolveUnits(batch, ready);
                        store(batch, ready);
                    }
                    List<Report> stored = ready.stream().map(i -> batch.get(i).report()).toList();
                    for (Consumer<List<Report>> l : importListeners) {
                        try {
                            l.accept(stored);
                        } catch (RuntimeException e) { // the reports are stored: a listener's failure is its own
                            LOG.error("import listener failed", e);
                        }
                    }
                }
                for (int i : ready) {
                    outcomes[i] = ImportOutcome.imported(batch.get(i).filename(), batch.get(i).report());
                }
            } catch (IOException | SQLException e) {
                for (int i : ready) {
                    outcomes[i] = storeFailed(batch.get(i).filename(), e);
                }
            }
        }
        return List.of(outcomes);
    }

    private void store(List<Prepared> batch, List<Integer> ready) throws IOException, SQLException {
        List<StoredReport> rows = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, StoredText> texts = new HashMap<>();
        String now = Instant.now().toString();
        for (int i : ready) {
            Prepared p = batch.get(i);
            files.put(p.report().sha256(), p.bytes());
            rows.add(new StoredReport(p.report(), p.given(), p.bytes().length, now));
            if (p.text() != null) {
                texts.put(p.report().id(), StoredText.of(p.text()));
            }
        }
        boolean stored = false;
        try {
            storeWhole(rows, files, texts);
            stored = true;
        } finally {
            // whatever failed (an Error or a cleanup that threw as well) may have left something behind
            if (!stored) {
                guard.troubled();
            }
        }
    }

    private void storeWhole(List<StoredReport> rows, Map<String, byte[]> files, Map<String, StoredText> texts)
            throws IOException, SQLException {
        originals.putAll(files);
        try {
            indexAll(rows);
            // durable first, visible only once the catalog rows exist as well
            index.commitQuietly();
            catalog.insertAll(rows, texts);
        } catch (IOException | SQLException | RuntimeException e) {
            // what the writer holds of this batch must not reach the next commit, nor its originals stay
            for (StoredReport row : rows) {
                index.remove(row.report().id());
            }
            index.commit();
            for (String sha : files.keySet()) {
                originals.delete(sha);
            }
            throw e;
        }
        try {
            index.publish();
        } catch (IOException e) {
            // the batch is stored whole (originals, committed passages, catalog rows): the next commit
            // or a restart shows it, so it is reported as imported
            LOG.warn("刷新检索视图失败，新导入的材料将在下次提交或重启后可检索：{}", e.getMessage());
        }
    }

    /**
     * Word segmentation is the costly part of indexing; the writer takes documents from several
     * threads at once, so a batch is analysed on all cores (still inside the write lock: nothing
     * else can commit these documents before their catalog rows exist).
     */
    private void indexAll(List<StoredReport> rows) throws IOException {
        try {
            rows.parallelStream().forEach(row -> {
                try {
                    index.put(row.report());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Each ready report put under its unit (the written name recorded, a unit created for a name none
     * has), in one directory transaction: at commit, not while preparing, so a merge meanwhile counts.
     */
    private void resolveUnits(List<Prepared> batch, List<Integer> ready) throws SQLException {
        Map<String, String> written = new LinkedHashMap<>();
        for (int i : ready) {
            written.put(batch.get(i).report().id(), batch.get(i).report().unit());
        }
        Map<String, String> shown = units.register(written);
        for (int i : ready) {
            Prepared p = batch.get(i);
            Report r = p.report();
            String unit = shown.get(r.id());
            if (unit != null && !unit.equals(r.unit())) {
                batch.set(i, new Prepared(p.filename(), p.bytes(), p.given(), r.withMetadata(unit, null, null), null, p.text()));
            }
        }
    }

    /**
     * The report under its unit's current name, the name it holds recorded as the one it was stored
     * under. Whatever changes a stored report's unit (a correction, a re-parse) must pass the new name
     * through here before the report is written: a merge or an unmerge re-resolves each report from
     * its recorded name, so a name not recorded would be undone by the next one.
     */
    public Report withUnit(Report r) {
        try {
            String unit = units.register(r.unit(), r.id());
            return unit == null || unit.equals(r.unit()) ? r : r.withMetadata(unit, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("单位目录无法写入", e);
        }
    }

    /** The name the unit of this name (typed, read, an alias) is shown under; see {@link UnitDirectory#unitOf}. */
    public String unitOf(String name) {
        return units.unitOf(name);
    }

    /** Whether some unit of the directory has this name, reports or not; see {@link UnitDirectory#known}. */
    public boolean unitKnown(String name) {
        return units.known(name);
    }

    /** The archive's units, with their names and years. */
    public List<UnitEntry> units() throws SQLException {
        return units.entries();
    }

    /** One unit's entry, by any of its names. */
    public UnitEntry unit(String name) throws SQLException {
        return units.entry(name);
    }

    /** Tells the listener the ids of the reports whose stored form changes in place (their unit renamed by a merge). */
    public void onReportsChanged(Consumer<List<String>> listener) {
        changeListeners.add(listener);
    }

    /** Tells the listener each batch of reports once stored (inside the write lock: before the next write). */
    public void onReportsImported(Consumer<List<Report>> listener) {
        importListeners.add(listener);
    }

    /** Makes these names' units one with {@code into}'s; the reports concerned show it at once. */
    public UnitChange mergeUnits(List<String> names, String into, String by) throws SQLException, IOException, UnitException {
        synchronized (guard.lock) {
            UnitChange change = units.merge(names, into, by);
            reassigned(unitAssignments.reassign(change.affected()));
            return change;
        }
    }

    private void reassigned(List<String> ids) {
        if (!ids.isEmpty()) {
            changeListeners.forEach(l -> l.accept(ids));
        }
    }

    /** Undoes the merge of this name's unit; the reports concerned show their own unit again at once. */
    public UnitChange unmergeUnit(String name) throws SQLException, IOException, UnitException {
        synchronized (guard.lock) {
            UnitChange change = units.unmerge(name);
            reassigned(unitAssignments.reassign(change.affected()));
            return change;
        }
    }

    private static ImportOutcome storeFailed(String filename, Exception e) {
        LOG.error("storing {} failed", filename, e);
        return ImportOutcome.notStored(filename, "写入档案库失败（" + e.getClass().getSimpleName() + "），该文件未导入。");
    }

    /** Extracts a file's text (Tika, in a child process for Office and PDF files). */
    private ExtractedText extract(byte[] bytes, String filename) throws ExtractionException {
        return extractor.extract(bytes, filename);
    }

    /** Parses an extracted text into a report, with what was given on import applied (no correction yet). */
    private Report interpret(ExtractedText text, String filename, String sha256, ImportMetadata given)
            throws ExtractionException {
        String refusal = parser.refusal(text.text());
        if (refusal != null) {
            throw new ExtractionException(refusal);
        }
        Report parsed = parser.parse(text.text());
        if (!ReportParser.looksLikeReport(parsed)) {
            throw new ExtractionException("文件中没有找到对照检查材料的标题或“一、二、三、”等部分，看起来不是一份对照检查材料，未导入。");
        }
        Report read = parsed
                .withSource(Hashes.idOf(sha256), sha256, filename, text.mediaType())
                .withMetadata(given.unit(), given.year(), given.author())
                .withOcr(text.ocr());
        if (text.ocr() || !text.unreadable().isEmpty()) {
            List<ReportWarning> warnings = new ArrayList<>(read.warnings());
            if (text.ocr()) {
                warnings.add(ReportWarning.of(WarningCode.OCR, "本材料由扫描图像经文字识别（OCR）得到，可能有错字，请对照原件核对。"));
            }
            for (String part : text.unreadable()) { // pages OCR could not read, each kind in one sentence
                warnings.add(ReportWarning.of(WarningCode.PART_UNREADABLE, part));
            }
            read = read.withWarnings(warnings);
        }
        return Warnings.refresh(read);
    }

    public Optional<Report> get(String id) throws SQLException {
        return catalog.get(id).map(StoredReport::report);
    }

    /** Every report id, in id order. */
    public Set<String> ids() throws SQLException {
        return catalog.ids();
    }

    public Optional<StoredReport> stored(String id) throws SQLException {
        return catalog.get(id);
    }

    /** Reports without their body, read from the catalog's columns (no report is decoded). */
    public List<ReportSummary> summaries(String unit, Integer year) throws SQLException {
        return catalog.summaries(units.unitOf(unit), year);
    }

    /** Every report, page by page in id order, for readers of the whole archive. */
    /** One page of the list (see {@link Listing}); the unit filter takes any name of a unit. */
    public Listing.Page page(Listing listing) throws SQLException {
        return catalog.page(listing.unit() == null ? listing : listing.withUnit(units.unitOf(listing.unit())));
    }

    /** A page of units of the unit × year grid. */
    public Listing.Grid grid(Listing listing) throws SQLException {
        return catalog.grid(listing.unit() == null ? listing : listing.withUnit(units.unitOf(listing.unit())));
    }

    public void forEach(java.util.function.Consumer<Report> each) throws SQLException {
        String after = "";
        for (List<StoredReport> page = catalog.page(after, 500); !page.isEmpty(); page = catalog.page(after, 500)) {
            for (StoredReport s : page) {
                each.accept(s.report());
            }
            after = page.get(page.size() - 1).report().id();
        }
    }

    public List<StoredReport> list(String unit, Integer year) throws SQLException {
        return catalog.list(units.unitOf(unit), year);
    }

    public int count() throws SQLException {
        return catalog.count();
    }

    /** The original file of a report, byte for byte. */
    public Optional<Original> original(String id) throws SQLException, IOException {
        Optional<StoredReport> stored = catalog.get(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Report r = stored.get().report();
        try {
            return Optional.of(new Original(r.filename(), r.mediaType(), originals.read(r.sha256())));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted meanwhile, or lost: verify reports the latter
        }
    }

    /**
     * Waits for a write under way to finish and refuses new ones: called before the catalog and
     * the index are closed, so that stopping the server never cuts a report in half.
     */
    public void shutDown() {
        guard.close();
    }

    public boolean delete(String id) throws SQLException, IOException {
        synchronized (guard.lock) {
            guard.checkOpen();
            Optional<StoredReport> stored = catalog.get(id);
            if (stored.isEmpty()) {
                return false;
            }
            try (FileLock held = writing.hold()) {
                catalog.delete(id);
                index.remove(id);
                index.commit();
                originals.delete(stored.get().report().sha256());
                changed(id);
            } catch (IOException | SQLException | RuntimeException e) {
                guard.troubled();
                throw e;
            }
            return true;
        }
    }

    /** A correction applied: the report before and after, and the corrections it made (each with what the file said). */
    public record Edited(Report before, Report after, List<Correction> made) {
    }

    /**
     * Corrects a report (see {@link ReportEditor}): the correction wins everywhere at once, what the
     * file said is kept beside it. Empty when there is no such report; {@link Corrections.Refused}
     * for a value that cannot be right.
     */
    public Optional<Edited> edit(String id, Corrections.Request request, String by)
            throws Corrections.Refused, SQLException, IOException {
        return editor.edit(id, request, by);
    }

    /** The corrections people made to a report, as the catalog keeps them (also those a re-parse left unapplied). */
    public List<Correction> corrections(String id) throws SQLException {
        return editor.corrections(id);
    }

    /** Tells the listeners (the copy check's cache) that this report changed in place or is gone. */
    private void changed(String id) {
        reassigned(List.of(id));
    }

    /** Whether every write of this session finished or was undone whole (see {@link CleanClose}). */
    public boolean whole() {
        return guard.whole();
    }

    /**
     * Brings the archive in line with its catalog after a crash (see {@link ArchiveMaintenance}):
     * index entries without a catalog row removed, catalogued reports missing from the index indexed,
     * an index left stale by an interrupted reindex rebuilt, orphaned originals and temporary files deleted.
     * After a clean close (see {@link CleanClose}) only a stale index is dealt with: nothing else can be
     * out of step.
     */
    public RecoveryReport recover(boolean closedCleanly) throws SQLException, IOException {
        RecoveryReport report = maintenance.recover(closedCleanly);
        synchronized (guard.lock) {
            if (units.needsReconcile()) { // an archive from before the unit directory, or a merge cut short
                int moved = unitAssignments.reconcileAll();
                if (moved > 0) {
                    LOG.info("单位目录：{} 份材料改用所属单位的名称", moved);
                }
            }
        }
        return report;
    }

    public record RecoveryReport(int removedFromIndex, int addedToIndex, int originalsSwept) {
    }

    public record Original(String filename, String mediaType, byte[] bytes) {
    }

    /**
     * Rebuilds the index: every report parsed again from its kept text (extracted from its original
     * only when the catalog keeps none), what was given on import and what people corrected applied again, the new index replacing the old in one commit (see
     * {@link ArchiveMaintenance} for what a crash meanwhile leaves).
     */
    public ReindexResult reindex() throws SQLException, IOException {
        try {
            ReindexResult result = maintenance.reindex();
            mergeIndex(); // a rebuild leaves the index in as many segments as a bulk import
            return result;
        } catch (IOException | SQLException | RuntimeException e) {
            guard.troubled();
            throw e;
        }
    }

    /**
     * The index merged into one segment after a bulk import: the merge itself runs outside the write
     * lock (searches and other imports go on), the commit that shows it inside, where no batch is half
     * stored. Failure leaves the index as it was, only slower to search: logged, not thrown.
     */
    public void mergeIndex() {
        try {
            long t0 = System.nanoTime();
            int before = index.segments();
            if (before <= 1) {
                return;
            }
            index.merge();
            synchronized (guard.lock) {
                index.commit();
            }
            LOG.info("索引段已合并：{} 段 → {} 段，用时 {} 秒", before, index.segments(), (System.nanoTime() - t0) / 1_000_000_000L);
        } catch (IOException | RuntimeException e) {
            LOG.warn("合并索引段失败（检索仍可用，只是较慢）：{}", e.getMessage());
        }
    }

    /** {@code reparsed}: parsed again; {@code extracted}: of those, read from the original because the catalog kept no text. */
    public record ReindexResult(int reports, int reparsed, int extracted, List<String> problems) {
    }
}
