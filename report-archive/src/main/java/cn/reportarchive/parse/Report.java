package cn.reportarchive.parse;

import java.util.List;

/**
 * A report as INTERFACE.md fixes it. The parser fills the text-derived fields; the archive adds
 * id, sha256, filename, media type and whether the text came from OCR. Preface and closing are
 * extra: the preface paragraphs and the closing pledge/signature, which belong to no section.
 * {@code warnings} say what could not be read (see {@link Warnings}). The fields are the effective
 * values: where a person corrected one, {@code corrections} says what the file said and who corrected it.
 */
public record Report(
        String id,
        String title,
        Integer year,
        String unit,
        String author,
        String post,
        ReportKind kind,
        String meeting,
        String sha256,
        String filename,
        String mediaType,
        boolean ocr,
        List<ReportWarning> warnings,
        List<Section> sections,
        List<String> preface,
        List<String> closing,
        List<Correction> corrections) {

    public Report {
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        sections = sections == null ? List.of() : List.copyOf(sections);
        preface = preface == null ? List.of() : List.copyOf(preface);
        closing = closing == null ? List.of() : List.copyOf(closing);
    }

    /** The same report with what the archive knows of its file. */
    public Report withSource(String newId, String newSha256, String newFilename, String newMediaType) {
        return new Report(newId, title, year, unit, author, post, kind, meeting,
                newSha256, newFilename, newMediaType, ocr, warnings, sections, preface, closing, corrections);
    }

    /** Metadata given by the user wins over what the text says; null leaves a field as parsed. */
    public Report withMetadata(String givenUnit, Integer givenYear, String givenAuthor) {
        String newAuthor = givenAuthor != null ? givenAuthor : author;
        ReportKind newKind = givenAuthor != null ? ReportKind.PERSONAL : kind;
        return new Report(id, title, givenYear != null ? givenYear : year, givenUnit != null ? givenUnit : unit,
                newAuthor, post, newKind, meeting, sha256, filename, mediaType, ocr, warnings, sections, preface, closing, corrections);
    }

    /** The same report marked as read (or not) from page images. */
    public Report withOcr(boolean newOcr) {
        return new Report(id, title, year, unit, author, post, kind, meeting,
                sha256, filename, mediaType, newOcr, warnings, sections, preface, closing, corrections);
    }

    public Report withWarnings(List<ReportWarning> newWarnings) {
        return new Report(id, title, year, unit, author, post, kind, meeting,
                sha256, filename, mediaType, ocr, newWarnings, sections, preface, closing, corrections);
    }

    /** The same report with these field values and corrections (see archive/Corrections). */
    public Report corrected(String newTitle, Integer newYear, String newUnit, String newAuthor, String newPost,
                            ReportKind newKind, List<Section> newSections, List<Correction> newCorrections) {
        return new Report(id, newTitle, newYear, newUnit, newAuthor, newPost, newKind, meeting,
                sha256, filename, mediaType, ocr, warnings, newSections, preface, closing, newCorrections);
    }

    public ReportSummary summary() {
        return new ReportSummary(id, title, year, unit, author, post, kind, meeting, sha256, filename, mediaType,
                ocr, warnings);
    }
}
