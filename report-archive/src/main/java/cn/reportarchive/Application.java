package cn.reportarchive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.Catalog;
import cn.reportarchive.archive.CleanClose;
import cn.reportarchive.archive.DataDirectory;
import cn.reportarchive.archive.OriginalStore;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.archive.UnitDirectory;
import cn.reportarchive.archive.WritesUnderWay;
import cn.reportarchive.auth.AuthStore;
import cn.reportarchive.auth.PasswordHasher;
import cn.reportarchive.compare.CompareService;
import cn.reportarchive.compare.CopyService;
import cn.reportarchive.compare.SimilarPoints;
import cn.reportarchive.compare.MemoryBudget;
import cn.reportarchive.compare.SynonymClasses;
import cn.reportarchive.compare.TemplateLibrary;
import cn.reportarchive.compare.WordView;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.ReportParser;
import cn.reportarchive.search.PassageSearch;
import cn.reportarchive.search.RelatedWords;
import cn.reportarchive.search.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The one place that wires the application: given a data directory, it opens the original store,
 * the catalog and the index, builds extractor, parser and search on top, and brings the index in
 * line with the catalog if the last run was cut short.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final AspectTaxonomy taxonomy;
    private final Catalog catalog;
    private final UnitDirectory units;
    private final ReportIndex index;
    private final TikaExtractor extractor;
    private final ReportArchive archive;
    private final PassageSearch search;
    private final AuthStore auth;
    private final CompareService compare;
    private WordView words;
    private final CopyService copies;
    private final SimilarPoints similar;
    private final Suggestions suggestions;
    private final CleanClose cleanClose;
    private final WritesUnderWay writing;
    /** Whether opening brought the archive in step; a close after a failed recovery marks nothing. */
    private volatile boolean recovered;

    private Application(Path dataDir, ApplicationOptions options) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        this.taxonomy = AspectTaxonomy.withExtension(dataDir.resolve("aspects.tsv"));
        DataDirectory layout = new DataDirectory(dataDir);
        this.cleanClose = new CleanClose(layout.cleanClose());
        this.catalog = new Catalog(layout.catalog());
        try {
            this.index = new ReportIndex(layout.index(), Analyzers.passages());
        } catch (IOException | RuntimeException e) {
            catalog.close(); // e.g. the index is locked by a running serve: leave nothing open
            throw e;
        }
        try {
            this.units = UnitDirectory.open(layout.catalog());
        } catch (SQLException | RuntimeException e) {
            index.close();
            catalog.close();
            throw e;
        }
        try {
            this.auth = openAuth(dataDir);
        } catch (IOException | SQLException | RuntimeException e) {
            units.close();
            index.close();
            catalog.close();
            throw e;
        }
        try {
            this.writing = WritesUnderWay.open(layout.writesUnderWay());
        } catch (IOException | RuntimeException e) {
            auth.close();
            units.close();
            index.close();
            catalog.close();
            throw e;
        }
        // by default Office and PDF files are parsed in child processes (ApplicationOptions.ISOLATED)
        this.extractor = options.extractor().create(options);
        this.archive = new ReportArchive(new OriginalStore(layout.originals()), catalog, index,
                extractor, new ReportParser(taxonomy), units, writing);
        this.search = new PassageSearch(index, taxonomy, RelatedWords.load(dataDir), archive::unitOf, archive::unitKnown);
        this.copies = new CopyService(archive, new TemplateLibrary(dataDir), extractor, dataDir, options.memory());
        copies.attach(); // imports taken in at once; merges, corrections, deletions marked for the next use
        this.compare = new CompareService(archive, index, taxonomy, this::words, copies);
        this.similar = new SimilarPoints(index, this::words, archive::unitOf);
        this.suggestions = new Suggestions(search, index);
    }

    /** The segmenter and 同义词词林, loaded at the first comparison and kept: most commands never compare. */
    private synchronized WordView words() {
        if (words == null) {
            words = new WordView(SynonymClasses.load());
        }
        return words;
    }

    /** The accounts and the audit log alone (no index, no lock): what the user commands need. */
    public static AuthStore openAuth(Path dataDir) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        return AuthStore.open(new DataDirectory(dataDir).catalog(), new PasswordHasher(), Clock.systemDefaultZone());
    }

    /** The product's application with these limits on what one file may cost. */
    public static Application open(Path dataDir, ExtractionLimits limits) throws IOException, SQLException {
        return open(dataDir, ApplicationOptions.defaults().withLimits(limits));
    }

    public static Application open(Path dataDir, ApplicationOptions options) throws IOException, SQLException {
        Application app = new Application(dataDir, options);
        try {
            // the index lock is held now: no other process can take the mark meanwhile
            boolean closedCleanly = app.cleanClose.consume(app.index.generation());
            ReportArchive.RecoveryReport repaired = app.archive.recover(closedCleanly);
            if (!closedCleanly || repaired.removedFromIndex() + repaired.addedToIndex() + repaired.originalsSwept() > 0) {
                LOG.info("opened {} ({}): {} index entries removed, {} reports indexed again, {} stray originals removed",
                        dataDir.toAbsolutePath(), closedCleanly ? "closed cleanly" : "new, or not closed cleanly: checked whole",
                        repaired.removedFromIndex(), repaired.addedToIndex(), repaired.originalsSwept());
            }
            app.recovered = true;
        } catch (IOException | SQLException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public AspectTaxonomy taxonomy() {
        return taxonomy;
    }

    public ReportArchive archive() {
        return archive;
    }

    /** The extractor, for listening to OCR progress (the import's progress line). */
    public TikaExtractor extractor() {
        return extractor;
    }

    public BulkImport bulkImport() {
        return new BulkImport(archive);
    }

    public PassageSearch search() {
        return search;
    }

    /** 查相似表述: archived points like a pasted text. */
    public SimilarPoints similar() {
        return similar;
    }

    /** 您是不是要找: corrected queries for a search that found little. */
    public Suggestions suggestions() {
        return suggestions;
    }

    public AuthStore auth() {
        return auth;
    }

    public CompareService compare() {
        return compare;
    }

    public CopyService copies() {
        return copies;
    }

    /** A draft checked against the year before without storing it (核对草稿). */
    public cn.reportarchive.compare.DraftCheck drafts() {
        return new cn.reportarchive.compare.DraftCheck(archive);
    }

    @Override
    public void close() throws IOException, SQLException {
        archive.shutDown(); // no write starts from here on; one under way has finished
        try {
            markIfWhole();
            closeQuietly(copies);
            extractor.close();
            index.close(); // lets go of the index lock: the mark must be there before another process can open
        } finally {
            try {
                auth.close();
            } finally {
                try {
                    units.close();
                } finally {
                    try {
                        catalog.close();
                    } finally {
                        writing.close();
                    }
                }
            }
        }
    }

    private static void closeQuietly(CopyService copies) {
        try {
            copies.close();
        } catch (SQLException e) {
            LOG.warn("查重指纹库关闭失败：{}", e.getMessage());
        }
    }

    /** The clean-close mark, if opening recovered and every write of this session finished whole. */
    private void markIfWhole() {
        if (!recovered || !archive.whole()) {
            return;
        }
        recovered = false; // a second close marks nothing
        try {
            cleanClose.mark(index.generation());
        } catch (IOException e) {
            // without the mark the next open checks everything: slower, never wrong
            LOG.warn("无法写入正常关闭标记：{}", e.getMessage());
        }
    }
}
