package cn.reportarchive.compare;

import cn.reportarchive.archive.Hashes;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Copy checks over the whole archive. The fingerprints of every report are kept in memory and the
 * index of them is rebuilt when reports or templates come or go, reading only the new reports.
 */
public final class CopyService {
    /** Share of a text's fingerprints shared with another from which the pair is listed as copied (chosen on the test sets). */
    public static final double COPY_THRESHOLD = 0.3;
    private static final int MAX_SOURCES = 10;

    private final ReportArchive archive;
    private final TemplateLibrary templates;
    private final TikaExtractor extractor;
    private static final String TEMPLATE = "template:";
    private final Map<String, CopyIndex.Prints> prints = new HashMap<>();
    private CopyIndex index;
    private CopyIndex pairsOf;
    private List<CopyCheck.Pair> pairs = List.of();
    private Set<String> indexedIds = Set.of();

    public CopyService(ReportArchive archive, TemplateLibrary templates, TikaExtractor extractor) {
        this.archive = archive;
        this.templates = templates;
        this.extractor = extractor;
    }

    public CopyCheck check(String reportId) throws CompareException, SQLException, IOException {
        CopyIndex index = current();
        // a report left out of the index (no unit or year yet) can still be checked against the others
        CopyDoc doc = reportId == null ? null : fetch(reportId);
        if (doc == null) {
            throw new CompareException(CompareException.Reason.NOT_FOUND, "找不到编号为 " + reportId + " 的材料。");
        }
        return index.check(doc, id -> {
            try {
                CopyDoc source = fetch(id);
                return source != null ? source : index.doc(id); // gone meanwhile: shown without passages
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(e);
            }
        }, MAX_SOURCES);
    }

    private CopyDoc fetch(String id) throws SQLException, IOException {
        if (id.startsWith(TEMPLATE)) {
            return templates.get(id.substring(TEMPLATE.length())).map(TemplateLibrary::asDoc).orElse(null);
        }
        return archive.get(id).map(CopyService::asDoc).orElse(null);
    }

    /**
     * Forgets what it holds of these reports (changed in place: a unit merge, a correction, a re-parse): they are
     * read again at the next check, and the pairs are counted again.
     */
    public synchronized void forget(Collection<String> reportIds) {
        prints.keySet().removeAll(reportIds);
        index = null;
    }

    /** The most-copied pairs; the whole list is kept until reports or templates change. */
    public List<CopyCheck.Pair> pairs(int limit) throws SQLException, IOException {
        List<CopyCheck.Pair> all;
        synchronized (this) {
            CopyIndex now = current();
            if (pairsOf != now) {
                pairs = now.pairs(COPY_THRESHOLD, Integer.MAX_VALUE);
                pairsOf = now;
            }
            all = pairs;
        }
        return all.size() > limit ? List.copyOf(all.subList(0, Math.max(1, limit))) : all;
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
        return templates.remove(id);
    }

    /**
     * The index over the archive as it is now: reports come and go between calls. Fingerprints are
     * kept per text, so a change reads only the new reports; the first call reads them all, page by page.
     */
    synchronized CopyIndex current() throws SQLException, IOException {
        Set<String> ids = archive.ids();
        List<TemplateLibrary.Template> known = templates.list();
        Set<String> wanted = new java.util.HashSet<>(ids);
        known.forEach(t -> wanted.add(TEMPLATE + t.id()));
        if (index != null && wanted.equals(indexedIds)) {
            return index;
        }
        prints.keySet().retainAll(wanted);
        if (prints.isEmpty() && !ids.isEmpty()) {
            archive.forEach(r -> prints.put(r.id(), CopyIndex.prints(asDoc(r))));
        }
        for (String id : ids) {
            if (!prints.containsKey(id)) {
                archive.get(id).ifPresent(r -> prints.put(id, CopyIndex.prints(asDoc(r))));
            }
        }
        known.forEach(t -> prints.computeIfAbsent(TEMPLATE + t.id(), k -> CopyIndex.prints(TemplateLibrary.asDoc(t))));
        index = null; // let the old one go before the new one is built
        index = new CopyIndex(prints.values().stream().filter(p -> complete(p.doc()))
                .sorted((a, b) -> a.doc().id().compareTo(b.doc().id())).toList());
        indexedIds = wanted;
        return index;
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
}
