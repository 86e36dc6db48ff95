package cn.reportarchive.archive;

import cn.reportarchive.extract.ExtractedText;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.DataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeping the archive whole: recovery when it opens after a crash, and the rebuild of the index from
 * the originals (reindex). Shares the archive's write lock, so neither runs beside an import.
 */
final class ArchiveMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveMaintenance.class);

    /** Reads an original's text (Tika): only for a report whose text the catalog does not keep yet. */
    interface Extractor {
        ExtractedText extract(byte[] bytes, String filename) throws ExtractionException;
    }

    /** Parses an extracted text again, with what was given on import applied. */
    interface Interpreter {
        Report interpret(ExtractedText text, String filename, String sha256, ImportMetadata given) throws ExtractionException;
    }

    private final Object writeLock;
    private final OriginalStore originals;
    private final Catalog catalog;
    private final ReportIndex index;
    private final Extractor extractor;
    private final Interpreter interpreter;
    private final UnaryOperator<Report> settle;
    private final Consumer<String> changed;

    /**
     * {@code settle} puts a re-read report (corrections applied) under its unit as a store does;
     * {@code changed} is told each report whose stored form changed in place.
     */
    ArchiveMaintenance(Object writeLock, OriginalStore originals, Catalog catalog, ReportIndex index,
                       Extractor extractor, Interpreter interpreter, UnaryOperator<Report> settle,
                       Consumer<String> changed) {
        this.writeLock = writeLock;
        this.originals = originals;
        this.catalog = catalog;
        this.index = index;
        this.extractor = extractor;
        this.interpreter = interpreter;
        this.settle = settle;
        this.changed = changed;
    }

    /**
     * Brings the archive in line with its catalog after a crash: passages of a report without a
     * catalog row are removed, a catalogued report missing from the index is indexed again, an index
     * left stale by an interrupted reindex is rebuilt from the catalog, and originals without a
     * catalog row (a batch cut short) and half-written temporary files are deleted. After a clean
     * close only the stale index is looked for.
     */
    ReportArchive.RecoveryReport recover(boolean closedCleanly) throws SQLException, IOException {
        synchronized (writeLock) {
            if (catalog.indexStale() || !index.current()) {
                if (!index.current()) {
                    LOG.warn("索引是旧版格式（缺少标题、小标题或三字组的检索数据），正在按目录中保存的材料重建索引……");
                }
                int rebuilt = rebuildIndexFromCatalog();
                catalog.setIndexStale(false);
                return new ReportArchive.RecoveryReport(0, rebuilt, sweepOriginals());
            }
            if (closedCleanly) {
                return new ReportArchive.RecoveryReport(0, 0, 0);
            }
            Set<String> catalogued = catalog.ids();
            Set<String> indexed = index.reportIds();
            Set<String> orphans = new HashSet<>(indexed);
            orphans.removeAll(catalogued);
            Set<String> missing = new HashSet<>(catalogued);
            missing.removeAll(indexed);
            for (String id : orphans) {
                index.remove(id);
            }
            for (String id : missing) {
                index.put(catalog.get(id).orElseThrow().report());
            }
            if (!orphans.isEmpty() || !missing.isEmpty()) {
                index.commit();
            }
            return new ReportArchive.RecoveryReport(orphans.size(), missing.size(), sweepOriginals());
        }
    }

    /** The index made again from the catalog's parsed reports (no file is parsed): what the catalog says, searchable. */
    private int rebuildIndexFromCatalog() throws SQLException, IOException {
        index.removeAll();
        Set<String> ids = catalog.idsByUnit();
        for (String id : ids) {
            index.put(catalog.get(id).orElseThrow().report());
        }
        index.commit();
        return ids.size();
    }

    /** Deletes originals that no catalog row names, and temporary files a crash left; says how many. */
    private int sweepOriginals() throws SQLException, IOException {
        Set<String> kept = new HashSet<>(catalog.shaById().values());
        int swept = 0;
        for (String sha : originals.hashes()) {
            if (!kept.contains(sha)) {
                originals.delete(sha);
                swept++;
            }
        }
        for (Path leftover : originals.leftovers()) {
            Files.deleteIfExists(leftover);
            swept++;
        }
        return swept;
    }

    /**
     * Rebuilds the index from the archive's texts: every report is parsed again (with today's parser
     * and taxonomy) from the normalised text the catalog keeps, what was given on import and what
     * people corrected are applied again, and the new index replaces the old in one commit. Only a
     * report whose text is not kept (an archive from before the texts) is extracted from its original,
     * once: its text is stored with its row. The catalog is marked first: should the process die
     * before the commit, the catalog holds some new parses and the index the old ones, and opening the
     * archive rebuilds the index from the catalog (run reindex again to finish the job).
     */
    ReportArchive.ReindexResult reindex() throws SQLException, IOException {
        synchronized (writeLock) {
            catalog.setIndexStale(true);
            try {
                return reparseAll();
            } catch (IOException | SQLException | RuntimeException e) {
                // the writer must not keep a half-built index for the next commit to publish
                rebuildIndexFromCatalog();
                catalog.setIndexStale(false);
                throw e;
            }
        }
    }

    private ReportArchive.ReindexResult reparseAll() throws SQLException, IOException {
        // one row at a time: an archive of 100,000 reports is not held in memory
        Set<String> ids = catalog.idsByUnit();
        Set<String> corrected = catalog.corrected();
        index.removeAll();
        int reparsed = 0;
        int extracted = 0;
        List<String> problems = new ArrayList<>();
        List<Report> changedRows = new ArrayList<>();
        Map<String, StoredText> newTexts = new HashMap<>();
        for (String id : ids) {
            StoredReport stored = catalog.get(id).orElseThrow();
            Report old = stored.report();
            Report current = old;
            try {
                ExtractedText text = keptText(id);
                if (text == null) {
                    byte[] bytes = originals.read(old.sha256());
                    if (!Hashes.sha256(bytes).equals(old.sha256())) {
                        throw new ExtractionException("原件内容与登记的哈希不符，");
                    }
                    text = extractor.extract(bytes, old.filename());
                    newTexts.put(id, StoredText.of(text));
                    extracted++;
                }
                Report read = interpreter.interpret(text, old.filename(), old.sha256(), stored.given());
                current = settle.apply(corrected.contains(id) ? Corrections.apply(read, catalog.corrections(id)) : read);
                reparsed++;
            } catch (IOException e) {
                problems.add(old.filename() + "：原件缺失或无法读取，沿用上次解析结果。");
            } catch (ExtractionException e) {
                problems.add(old.filename() + "：" + e.getMessage() + "沿用上次解析结果。");
            } catch (RuntimeException | StackOverflowError e) {
                LOG.error("re-parsing {} failed", old.filename(), e);
                problems.add(old.filename() + "：重新解析时出错，沿用上次解析结果。");
            }
            if (!current.equals(old)) {
                changedRows.add(current);
                changed.accept(id);
            }
            if (changedRows.size() + newTexts.size() >= UPDATE_BATCH) {
                catalog.updateAll(changedRows, newTexts);
                changedRows.clear();
                newTexts.clear();
            }
            index.put(current);
        }
        catalog.updateAll(changedRows, newTexts);
        index.commit();
        catalog.setIndexStale(false);
        sweepOriginals();
        return new ReportArchive.ReindexResult(ids.size(), reparsed, extracted, problems);
    }

    /** The text the catalog keeps for a report; null when it keeps none or what it keeps cannot be read (then extracted again). */
    private ExtractedText keptText(String id) throws SQLException {
        Optional<StoredText> kept = catalog.text(id);
        if (kept.isEmpty()) {
            return null;
        }
        try {
            return kept.get().text();
        } catch (DataFormatException e) {
            LOG.warn("stored text of {} unreadable ({}), extracting the original again", id, e.getMessage());
            return null;
        }
    }

    /** Catalog rows rewritten per transaction during a reindex. */
    private static final int UPDATE_BATCH = 256;
}
