package cn.reportarchive.archive;

import cn.reportarchive.extract.ExtractedText;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The archive: originals, catalog and index kept in step. A report is visible when its catalog
 * row exists; the row is written last, after the original is stored and the passages are
 * committed to the index, and {@link #recover()} removes whatever a crash left half done.
 */
public final class ReportArchive {
    private final OriginalStore originals;
    private final Catalog catalog;
    private final ReportIndex index;
    private final TikaExtractor extractor;
    private final ReportParser parser;
    /** One writer at a time: an index commit must never publish another import's half. */
    private final Object writeLock = new Object();

    public ReportArchive(OriginalStore originals, Catalog catalog, ReportIndex index,
                         TikaExtractor extractor, ReportParser parser) {
        this.originals = originals;
        this.catalog = catalog;
        this.index = index;
        this.extractor = extractor;
        this.parser = parser;
    }

    public ReportIndex index() {
        return index;
    }

    public long maxBytes() {
        return extractor.limits().maxBytes();
    }

    /** Imports one file. Never throws for a bad file: the outcome says what went wrong. */
    public ImportOutcome importFile(String filename, byte[] bytes, ImportMetadata given) {
        String sha256 = Hashes.sha256(bytes);
        try {
            Optional<String> existing = catalog.idOfSha(sha256);
            if (existing.isPresent()) {
                return ImportOutcome.duplicate(filename, existing.get());
            }
            Report report = read(bytes, filename, sha256, given);
            synchronized (writeLock) {
                existing = catalog.idOfSha(sha256);
                if (existing.isPresent()) {
                    return ImportOutcome.duplicate(filename, existing.get());
                }
                originals.put(sha256, bytes);
                index.put(report);
                index.commit();
                try {
                    catalog.insert(new StoredReport(report, given, bytes.length, Instant.now().toString()));
                } catch (SQLException e) {
                    index.remove(report.id());
                    index.commit();
                    throw e;
                }
            }
            return ImportOutcome.imported(filename, report);
        } catch (ExtractionException e) {
            return ImportOutcome.failed(filename, e.getMessage());
        } catch (IOException | SQLException e) {
            return ImportOutcome.failed(filename, "写入档案库失败（" + e.getMessage() + "），该文件未导入。");
        }
    }

    private Report read(byte[] bytes, String filename, String sha256, ImportMetadata given) throws ExtractionException {
        ExtractedText text = extractor.extract(bytes, filename);
        return parser.parse(text.text())
                .withSource(Hashes.idOf(sha256), sha256, filename, text.mediaType())
                .withMetadata(given.unit(), given.year(), given.author());
    }

    public Optional<Report> get(String id) throws SQLException {
        return catalog.get(id).map(StoredReport::report);
    }

    public List<StoredReport> list(String unit, Integer year) throws SQLException {
        return catalog.list(unit, year);
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
        return Optional.of(new Original(r.filename(), r.mediaType(), originals.read(r.sha256())));
    }

    public boolean delete(String id) throws SQLException, IOException {
        synchronized (writeLock) {
            Optional<StoredReport> stored = catalog.get(id);
            if (stored.isEmpty()) {
                return false;
            }
            catalog.delete(id);
            index.remove(id);
            index.commit();
            originals.delete(stored.get().report().sha256());
            return true;
        }
    }

    /**
     * Brings the index in line with the catalog after a crash: passages of a report without a
     * catalog row are removed, and a catalogued report missing from the index is indexed again.
     */
    public RecoveryReport recover() throws SQLException, IOException {
        synchronized (writeLock) {
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
            return new RecoveryReport(orphans.size(), missing.size());
        }
    }

    public record RecoveryReport(int removedFromIndex, int addedToIndex) {
    }

    public record Original(String filename, String mediaType, byte[] bytes) {
    }

    /**
     * Rebuilds the index from the originals alone: every original is extracted and parsed again
     * (with today's parser and taxonomy), what was given on import is applied again, and the new
     * index replaces the old in one commit.
     */
    public ReindexResult reindex() throws SQLException, IOException {
        synchronized (writeLock) {
            List<StoredReport> all = catalog.list(null, null);
            index.removeAll();
            int reparsed = 0;
            List<String> problems = new java.util.ArrayList<>();
            for (StoredReport stored : all) {
                Report old = stored.report();
                Report current = old;
                try {
                    byte[] bytes = originals.read(old.sha256());
                    if (!Hashes.sha256(bytes).equals(old.sha256())) {
                        problems.add(old.filename() + "：原件内容与登记的哈希不符，沿用上次解析结果。");
                    } else {
                        current = read(bytes, old.filename(), old.sha256(), stored.given());
                        reparsed++;
                    }
                } catch (IOException e) {
                    problems.add(old.filename() + "：原件缺失或无法读取，沿用上次解析结果。");
                } catch (ExtractionException e) {
                    problems.add(old.filename() + "：" + e.getMessage() + "沿用上次解析结果。");
                }
                if (!current.equals(old)) {
                    catalog.update(current);
                }
                index.put(current);
            }
            index.commit();
            return new ReindexResult(all.size(), reparsed, problems);
        }
    }

    public record ReindexResult(int reports, int reparsed, List<String> problems) {
    }
}
