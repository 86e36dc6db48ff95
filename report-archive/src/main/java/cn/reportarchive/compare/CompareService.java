package cn.reportarchive.compare;

import static cn.reportarchive.parse.Strings.blankToNull;

import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportKind;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.lucene.search.IndexSearcher;

/**
 * The comparisons users ask for by unit, author and year: finds the reports in the archive and
 * weighs shared text by the index's pair frequencies.
 */
public final class CompareService {
    private final ReportArchive archive;
    private final ReportIndex index;
    private final AspectTaxonomy taxonomy;
    private final Supplier<WordView> words;
    /** Where the problems common to several units are read (the copy store); null: not offered. */
    private final CopyService common;
    private IndexGramWeights weights;
    /** The units a limited caller may read, whose passages alone weigh shared text; null for the whole index. */
    private final java.util.Set<String> scope;

    /**
     * {@code words}: the segmenter and synonym dictionary, which the application loads once, on the
     * first comparison (a third of a second that list, show or import need not pay).
     */
    public CompareService(ReportArchive archive, ReportIndex index, AspectTaxonomy taxonomy, Supplier<WordView> words) {
        this(archive, index, taxonomy, words, null, null);
    }

    /** {@code common}: the copy store, which answers the problems common to several units. */
    public CompareService(ReportArchive archive, ReportIndex index, AspectTaxonomy taxonomy, Supplier<WordView> words,
                          CopyService common) {
        this(archive, index, taxonomy, words, null, common);
    }

    private CompareService(ReportArchive archive, ReportIndex index, AspectTaxonomy taxonomy, Supplier<WordView> words,
                           java.util.Set<String> scope, CopyService common) {
        this.archive = archive;
        this.common = common;
        this.index = index;
        this.taxonomy = taxonomy;
        this.words = words;
        this.scope = scope;
    }

    /**
     * The same comparisons for a caller limited to these units (null: all, this service itself):
     * pair weights come from their passages only, so a viewer's similarities and repeats stay the
     * same whatever other units import or delete.
     */
    public CompareService within(java.util.Set<String> units) {
        return units == null ? this : new CompareService(archive, index, taxonomy, words, java.util.Set.copyOf(units), common);
    }

    public Comparison compare(String unit, String author, int fromYear, int toYear)
            throws CompareException, SQLException, IOException {
        if (unit == null || unit.isBlank()) {
            throw new CompareException(CompareException.Reason.BAD_REQUEST, "请指定单位（unit）。");
        }
        if (fromYear == toYear) {
            throw new CompareException(CompareException.Reason.BAD_REQUEST, "对比的两个年度不能相同。");
        }
        if (fromYear > toYear) {
            // refused, not swapped: every measure of the later year would read 未见下文 against the earlier one
            throw new CompareException(CompareException.Reason.BAD_REQUEST, "起始年度 " + fromYear + " 晚于结束年度 " + toYear
                    + "：对比须从较早的年度到较晚的年度，请改为从 " + toYear + " 年到 " + fromYear + " 年。");
        }
        String canonical = archive.unitOf(unit);
        Report from = find(canonical, blankToNull(author), fromYear);
        Report to = find(canonical, blankToNull(author), toYear);
        return compare(from, to);
    }

    public Comparison compare(Report from, Report to) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            return yearCompare(searcher).compare(from, to);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * The 整改台账 of a unit's (or an author's) report of {@code year}: its measures, the problems they
     * answer and, when the next year's report is archived, what became of each there (as {@link #compare}).
     */
    public Ledger ledger(String unit, String author, int year) throws CompareException, SQLException, IOException {
        if (unit == null || unit.isBlank()) {
            throw new CompareException(CompareException.Reason.BAD_REQUEST, "请指定单位（unit）。");
        }
        String canonical = archive.unitOf(unit);
        String who = blankToNull(author);
        Report report = find(canonical, who, year);
        Report next;
        try {
            next = find(canonical, who, year + 1);
        } catch (CompareException e) {
            if (e.reason() != CompareException.Reason.NOT_FOUND) {
                throw e;
            }
            next = null; // not archived yet: the ledger is the year's plan, 待下年材料
        }
        IndexSearcher searcher = index.acquire();
        try {
            YearCompare years = yearCompare(searcher);
            return next == null ? Ledgers.of(report, years.answers(report), taxonomy)
                    : Ledgers.of(report, years.compare(report, next), taxonomy);
        } finally {
            index.release(searcher);
        }
    }

    /** Every year of a unit's team (no author) or of one author, with the chains of repeated problems. */
    public History history(String unit, String author) throws CompareException, SQLException, IOException {
        if (unit == null || unit.isBlank()) {
            throw new CompareException(CompareException.Reason.BAD_REQUEST, "请指定单位（unit）。");
        }
        String canonical = archive.unitOf(unit);
        String who = blankToNull(author);
        java.util.TreeMap<Integer, Report> byYear = new java.util.TreeMap<>();
        for (StoredReport s : archive.list(canonical, null)) {
            Report r = s.report();
            if (r.year() != null && Objects.equals(who, r.author())) {
                byYear.merge(r.year(), r, (a, b) -> a.kind() == ReportKind.TEAM ? a : b);
            }
        }
        if (byYear.isEmpty()) {
            throw new CompareException(CompareException.Reason.NOT_FOUND,
                    "档案库中没有" + canonical + (who == null ? "领导班子" : " " + who) + "的材料。");
        }
        IndexSearcher searcher = index.acquire();
        try {
            return new RepeatChains(yearCompare(searcher), taxonomy).of(canonical, who, List.copyOf(byYear.values()));
        } finally {
            index.release(searcher);
        }
    }

    /** The name this unit (under any of its names) is shown under: what compare and repeats answer for. */
    public String unitOf(String unit) {
        return unit == null || unit.isBlank() ? null : archive.unitOf(unit);
    }

    /** Problems raised by at least two units, most units first; {@code year} null for all years (read from the copy store). */
    public List<CommonProblems.Group> common(Integer year, int limit) throws SQLException, IOException, CompareException {
        if (common == null) {
            throw new CompareException(CompareException.Reason.UNAVAILABLE, "共性问题统计未启用。");
        }
        return common.common(year, limit);
    }

    /** The one report of a unit's year: the team's when no author is given, else that person's. */
    public Report find(String unit, String author, int year) throws CompareException, SQLException {
        List<Report> ofYear = archive.list(unit, year).stream().map(StoredReport::report).toList();
        List<Report> matching = ofYear.stream()
                .filter(r -> author == null ? r.author() == null : Objects.equals(author, r.author())).toList();
        if (author == null && matching.size() > 1) {
            List<Report> team = matching.stream().filter(r -> r.kind() == ReportKind.TEAM).toList();
            matching = team.isEmpty() ? matching : team;
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        String who = unit + (author == null ? "领导班子" : " " + author);
        if (matching.isEmpty()) {
            List<String> authors = ofYear.stream().map(Report::author).filter(Objects::nonNull).distinct().toList();
            String hint = author == null && !authors.isEmpty() ? "（该年度有个人材料：" + String.join("、", authors) + "，可用 author 指定）" : "";
            throw new CompareException(CompareException.Reason.NOT_FOUND, "档案库中没有" + who + " " + year + " 年的材料" + hint + "。");
        }
        throw new CompareException(CompareException.Reason.AMBIGUOUS, who + " " + year + " 年有 " + matching.size()
                + " 份材料，无法确定对比哪一份。");
    }

    private YearCompare yearCompare(IndexSearcher searcher) throws IOException {
        return new YearCompare(new Similarity(weights(searcher), words.get()), taxonomy);
    }

    /** The weights of the index as the searcher sees it; kept while the index does not change. */
    private synchronized IndexGramWeights weights(IndexSearcher searcher) throws IOException {
        if (scope != null) {
            return new IndexGramWeights(searcher.getIndexReader(),
                    cn.reportarchive.index.UnitScope.of(searcher.getIndexReader(), scope));
        }
        if (weights == null || !weights.isFor(searcher.getIndexReader())) {
            weights = new IndexGramWeights(searcher.getIndexReader());
        }
        return weights;
    }
}
