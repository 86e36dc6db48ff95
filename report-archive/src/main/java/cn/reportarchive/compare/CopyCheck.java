package cn.reportarchive.compare;

import java.util.List;

/**
 * What a report shares with the rest of the archive and with the templates. The checked report's
 * unit, author and year come with the answer so that a page or an export can head it without
 * opening the report (which the audit log would record as a view).
 */
public record CopyCheck(String reportId, String title, String unit, String author, Integer year, double share,
        List<Source> sources) {

    /** The checked report named as the archive-wide list names a text. */
    public DocRef checked() {
        return new DocRef(reportId, unit, author, year, title);
    }

    /** A report or template the checked one shares text with; share: of the checked report's text. */
    public record Source(String reportId, String unit, String author, Integer year, String title, boolean template,
            double share, List<SharedPassage> passages) {
    }

    public record SharedPassage(String ref, String text, String sourceRef, String sourceText, List<String> shared) {
    }

    /** One entry of the archive-wide list: {@code copy} took {@code share} of its text from {@code source}. */
    public record Pair(DocRef copy, DocRef source, double share, boolean template) {
    }

    public record DocRef(String reportId, String unit, String author, Integer year, String title) {
        static DocRef of(CopyDoc d) {
            return new DocRef(d.id(), d.unit(), d.author(), d.year(), d.title());
        }
    }
}
