package cn.reportarchive.archive;

import cn.reportarchive.extract.ExtractedText;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
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
    private final Consumer<String> changed;

    ArchiveMaintenance(Object writeLock, OriginalStore originals, Catalog catalog, ReportIndex index,
                       Extractor extractor, Interpreter interpreter, Consumer<String> changed) {
        this.writeLock = writeLock;
        this.originals = originals;
        this.catalog = catalog;
        this.index = index;
        this.extractor = extractor;
        this.interpreter = interpreter;
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
            if (catalog.indexStale()) {
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
        Set<String> ids = catalog.ids();
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

    /** One report's row, kept text and corrections, read from the catalog before the parallel part. */
    private record Job(StoredReport stored, StoredText kept, List<Correction> corrections) {
    }

    /** What re-reading one report gave: the report to index, a text to keep (newly extracted) and a problem. */
    private record Reread(Report report, StoredText newText, boolean reparsed, String problem) {
    }

    /**
     * Page by page (an archive of 100,000 reports is not held in memory): the catalog is read and
     * written on this thread, while the parsing and the word segmentation of a page run on all cores.
     */
    private ReportArchive.ReindexResult reparseAll() throws SQLException, IOException {
        List<String> ids = new ArrayList<>(catalog.ids());
        Set<String> corrected = catalog.corrected();
        index.removeAll();
        int reparsed = 0;
        int extracted = 0;
        List<String> problems = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += UPDATE_BATCH) {
            List<Job> jobs = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + UPDATE_BATCH))) {
                jobs.add(new Job(catalog.get(id).orElseThrow(), catalog.text(id).orElse(null),
                        corrected.contains(id) ? catalog.corrections(id) : List.of()));
            }
            Reread[] done = new Reread[jobs.size()];
            try {
                IntStream.range(0, jobs.size()).parallel().forEach(i -> {
                    done[i] = reread(jobs.get(i));
                    try {
                        index.put(done[i].report());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            List<Report> changedRows = new ArrayList<>();
            Map<String, StoredText> newTexts = new HashMap<>();
            for (int i = 0; i < done.length; i++) {
                Report old = jobs.get(i).stored().report();
                Reread r = done[i];
                if (r.problem() != null) {
                    problems.add(r.problem());
                }
                if (r.reparsed()) {
                    reparsed++;
                }
                if (r.newText() != null) {
                    newTexts.put(old.id(), r.newText());
                    extracted++;
                }
                if (!r.report().equals(old)) {
                    changedRows.add(r.report());
                    changed.accept(old.id());
                }
            }
            catalog.updateAll(changedRows, newTexts);
        }
        index.commit();
        catalog.setIndexStale(false);
        sweepOriginals();
        return new ReportArchive.ReindexResult(ids.size(), reparsed, extracted, problems);
    }

    /** Parses one report again from its kept text (extracting its original when none is kept); the old parse stays on failure. */
    private Reread reread(Job job) {
        StoredReport stored = job.stored();
        Report old = stored.report();
        try {
            ExtractedText text = keptText(old.id(), job.kept());
            StoredText newText = null;
            if (text == null) {
                byte[] bytes = originals.read(old.sha256());
                if (!Hashes.sha256(bytes).equals(old.sha256())) {
                    throw new ExtractionException("原件内容与登记的哈希不符，");
                }
                text = extractor.extract(bytes, old.filename());
                newText = StoredText.of(text);
            }
            Report read = interpreter.interpret(text, old.filename(), old.sha256(), stored.given());
            Report current = job.corrections().isEmpty() ? read : Corrections.apply(read, job.corrections());
            return new Reread(current, newText, true, null);
        } catch (IOException e) {
            return new Reread(old, null, false, old.filename() + "：原件缺失或无法读取，沿用上次解析结果。");
        } catch (ExtractionException e) {
            return new Reread(old, null, false, old.filename() + "：" + e.getMessage() + "沿用上次解析结果。");
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("re-parsing {} failed", old.filename(), e);
            return new Reread(old, null, false, old.filename() + "：重新解析时出错，沿用上次解析结果。");
        }
    }

    /** The text the catalog keeps for a report; null when it keeps none or what it keeps cannot be read (then extracted again). */
    private static ExtractedText keptText(String id, StoredText kept) {
        if (kept == null) {
            return null;
        }
        try {
            return kept.text();
        } catch (DataFormatException e) {
            LOG.warn("stored text of {} unreadable ({}), extracting the original again", id, e.getMessage());
            return null;
        }
    }

    /** Catalog rows rewritten per transaction during a reindex. */
    private static final int UPDATE_BATCH = 256;
}
