package cn.reportarchive.compare;

import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.ParserUnavailableException;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportWarning;
import cn.reportarchive.parse.ReportSummary;
import cn.reportarchive.parse.SectionType;
import cn.reportarchive.parse.WarningCode;
import cn.reportarchive.parse.Warnings;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A draft not yet submitted, checked against the archived report of the year before as 对比 would
 * check the two years: the draft is read by the archive's own extractor (its worker processes) and
 * parser, compared in memory, and nothing of it is kept — not the bytes, not a row, not a passage.
 * Which report it is compared with is found as 对比 finds it: the unit through the unit directory
 * (any of its names), the team's report or the given author's.
 */
public final class DraftCheck {
    private final ReportArchive archive;

    public DraftCheck(ReportArchive archive) {
        this.archive = archive;
    }

    /** What the caller hands in: the file and what it says the draft is. */
    public record Draft(String filename, byte[] bytes, String unit, String author, Integer year) {
    }

    /**
     * Checks the draft with {@code compare} (the caller's view of the archive: a viewer's service
     * weighs shared text by its own units). Throws a {@link CompareException} with one Chinese
     * sentence for every draft that cannot be checked: no unit, not a report, empty, no report of
     * the year before.
     */
    public DraftResult check(Draft draft, CompareService compare) throws CompareException, SQLException, IOException {
        if (draft.unit() == null || draft.unit().isBlank()) {
            throw new CompareException(CompareException.Reason.BAD_REQUEST, "请指定草稿所属的单位（unit）。");
        }
        ImportMetadata given = new ImportMetadata(draft.unit(), draft.year(), draft.author());
        if (given.problem() != null) {
            throw new CompareException(CompareException.Reason.BAD_REQUEST, given.problem());
        }
        String unit = archive.unitOf(given.unit());
        // read as the file says itself (only the author given applies): what its header says of unit and
        // year is checked against what the caller chose, below, rather than silently overridden
        Report read = read(draft, new ImportMetadata(null, null, given.author()));
        String author = read.author(); // the one given, else the person the draft names (a personal draft)
        Integer latest = latestYear(unit, author);
        DraftResult.YearSource source;
        int year;
        if (given.year() != null) {
            year = given.year();
            source = DraftResult.YearSource.GIVEN;
        } else if (read.year() != null) {
            year = read.year();
            source = DraftResult.YearSource.TEXT;
        } else if (latest != null) {
            year = latest + 1;
            source = DraftResult.YearSource.NEXT;
        } else {
            throw new CompareException(CompareException.Reason.NOT_FOUND, "档案库中没有" + who(unit, author)
                    + "的材料，草稿也没有写明年度，无法核对。");
        }
        Report before;
        try {
            before = compare.find(unit, author, year - 1);
        } catch (CompareException e) {
            if (e.reason() != CompareException.Reason.NOT_FOUND) {
                throw e;
            }
            throw new CompareException(CompareException.Reason.NOT_FOUND, withoutStop(e.getMessage())
                    + "，无法核对 " + year + " 年的草稿" + (latest == null ? "" : "（已存档的最近年度是 " + latest + " 年）") + "。");
        }
        Report sameYear = archivedOf(compare, unit, author, year);
        Report asDraft = Warnings.refresh(read.withMetadata(unit, year, null));
        asDraft = asDraft.withWarnings(concat(asDraft.warnings(), disagreements(read, unit, year)));
        Comparison c = compare.compare(before, asDraft);
        Comparison withoutId = new Comparison(c.unit(), c.author(), c.from(),
                new Comparison.Side(null, year, asDraft.title()), c.threshold(), c.aspects(), c.repeats(), c.measures(), c.closest(),
                c.possibleThreshold(), c.possibleRepeats());
        return DraftResult.of(withoutId, summary(asDraft, source, sameYear, before));
    }

    /**
     * Where the draft's own header disagrees with what it is checked as: another unit's name (a file
     * picked by mistake, or a copy of another unit's material) or another year. The check goes on, as
     * chosen; the answer says so.
     */
    private List<ReportWarning> disagreements(Report read, String unit, int year) {
        List<ReportWarning> out = new ArrayList<>();
        if (read.unit() != null && !read.unit().isBlank() && !archive.unitOf(read.unit()).equals(unit)) {
            out.add(ReportWarning.of(WarningCode.OTHER, "草稿抬头写的单位是“" + read.unit() + "”，与核对所用的单位“" + unit
                    + "”不同：请确认选对了单位和文件。"));
        }
        if (read.year() != null && read.year() != year) {
            out.add(ReportWarning.of(WarningCode.OTHER, "草稿写的是 " + read.year() + " 年度，按指定的 " + year + " 年核对。"));
        }
        return out;
    }

    private static List<ReportWarning> concat(List<ReportWarning> a, List<ReportWarning> b) {
        List<ReportWarning> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Report read(Draft draft, ImportMetadata given) throws CompareException {
        try {
            return archive.read(draft.filename(), draft.bytes(), given);
        } catch (ParserUnavailableException e) {
            throw new CompareException(CompareException.Reason.UNAVAILABLE, e.getMessage());
        } catch (ExtractionException e) {
            throw new CompareException(CompareException.Reason.UNREADABLE, forDraft(e.getMessage()));
        }
    }

    /** The import's sentence said of a draft: nothing is imported here, the draft cannot be checked. */
    static String forDraft(String message) {
        return message.replace("没有可导入的内容", "没有可核对的内容").replace("，未导入。", "，无法核对。")
                .replace("未导入。", "无法核对。");
    }

    private Integer latestYear(String unit, String author) throws SQLException {
        return archive.summaries(unit, null).stream()
                .filter(s -> Objects.equals(author, s.author()) && s.year() != null)
                .map(ReportSummary::year).max(Integer::compare).orElse(null);
    }

    /** The archived report of the draft's own year, if there is one (the draft is compared all the same). */
    private static Report archivedOf(CompareService compare, String unit, String author, int year) throws SQLException {
        try {
            return compare.find(unit, author, year);
        } catch (CompareException e) {
            return null; // none, or several: the draft is compared with the year before either way
        }
    }

    private static DraftResult.Draft summary(Report draft, DraftResult.YearSource source, Report sameYear, Report before) {
        DraftResult.Archived archived = sameYear == null ? null
                : new DraftResult.Archived(sameYear.id(), sameYear.year(), sameYear.title(),
                        Objects.equals(sameYear.sha256(), draft.sha256()));
        String note = "与存档的 " + before.year() + " 年材料《" + orUntitled(before.title()) + "》（编号 " + before.id() + "）对比";
        if (archived != null) {
            note += "；档案库中已有 " + archived.year() + " 年的材料《" + orUntitled(archived.title()) + "》（编号 " + archived.reportId()
                    + (archived.identical() ? "，与草稿是同一文件" : "") + "），草稿仍与上一年对比";
        }
        return new DraftResult.Draft(draft.filename(), draft.title(), draft.year(), source, source.label(),
                note + "。", ReportPoints.of(draft, SectionType.PROBLEMS).size(), ReportPoints.of(draft, SectionType.MEASURES).size(),
                ReportPoints.of(draft, SectionType.RECTIFICATION).size(), draft.warnings(), archived);
    }

    private static String who(String unit, String author) {
        return unit + (author == null ? "领导班子" : " " + author);
    }

    private static String orUntitled(String title) {
        return title == null || title.isBlank() ? "无标题" : title;
    }

    private static String withoutStop(String s) {
        return s.endsWith("。") ? s.substring(0, s.length() - 1) : s;
    }
}
