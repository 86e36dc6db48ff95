package cn.reportarchive.generate;

import java.nio.file.Path;

/**
 * What to generate: where, how many reports, from which seed, in which formats and years; the
 * PDF font (null: look for one); whether ground-truth refs carry the first characters of their
 * text; and the share of materials copied from another unit.
 */
public record GeneratorOptions(Path out, int reports, long seed, FormatMix formats, int firstYear, int lastYear,
        PdfFonts.Choice pdfFont, boolean snippets, double copyRate) {

    public static GeneratorOptions of(Path out, int reports, long seed) {
        return new GeneratorOptions(out, reports, seed, FormatMix.DEFAULT, 2015, 2024, null, false, 0.03);
    }

    public GeneratorOptions withFormats(FormatMix mix) {
        return new GeneratorOptions(out, reports, seed, mix, firstYear, lastYear, pdfFont, snippets, copyRate);
    }

    public GeneratorOptions withYears(int from, int to) {
        return new GeneratorOptions(out, reports, seed, formats, from, to, pdfFont, snippets, copyRate);
    }

    public GeneratorOptions withPdfFont(PdfFonts.Choice font) {
        return new GeneratorOptions(out, reports, seed, formats, firstYear, lastYear, font, snippets, copyRate);
    }

    public GeneratorOptions withSnippets(boolean on) {
        return new GeneratorOptions(out, reports, seed, formats, firstYear, lastYear, pdfFont, on, copyRate);
    }

    public GeneratorOptions withCopyRate(double rate) {
        return new GeneratorOptions(out, reports, seed, formats, firstYear, lastYear, pdfFont, snippets, rate);
    }
}
