/**
 * A synthetic archive of 对照检查材料 for tests and benchmarks, deterministic from a seed.
 *
 * <pre>
 * java -jar target/report-archive.jar generate --out /tmp/arch --reports 100000 --seed 1 \
 *      [--formats txt=60,docx=30,pdf=10] [--years 2015..2024] [--copy-rate 0.03] \
 *      [--pdf-font FILE|standard] [--truth-snippets]
 * </pre>
 *
 * <p>What it writes, one file at a time: {@code OUT/u00017/2023-team.docx} (a unit's team report),
 * {@code OUT/u00017/2023-p02.txt} (the report of the unit's person p02), a {@code metadata.csv}
 * in a unit folder for the files that name no unit or author (as an importer would be given), and
 * {@code OUT/ground-truth.jsonl}. Units come city by city and county by county (bureaus, towns,
 * schools, hospitals, state firms, the county committee and government), each with a team and one
 * to four posts whose holders change every few years; a report is written for every year a track
 * is active. Memory holds one unit's last reports and a few reports to copy from.
 *
 * <p>Parts, one job each: {@link cn.reportarchive.generate.Rng} (SplitMix64, forked per unit,
 * report and purpose), {@link cn.reportarchive.generate.Grammar} and
 * {@link cn.reportarchive.generate.PhraseBook} (phrase banks as data: common.txt, problems.txt,
 * measures.txt, causes.txt), {@link cn.reportarchive.generate.YearCalendar} (calendar.txt: each
 * year's meeting, theme and aspect headings, 2015–2025), {@link cn.reportarchive.generate.Domains}
 * and {@link cn.reportarchive.generate.NameBank} (domains.txt, names.txt),
 * {@link cn.reportarchive.generate.UnitRoster}, {@link cn.reportarchive.generate.Composer} with
 * HeaderComposer and Planter (what is carried over from last year), Copier, TextEdits,
 * {@link cn.reportarchive.generate.Layout} (paragraphs, refs), the writers (TxtWriter: UTF-8,
 * UTF-8 with BOM, GB18030, CRLF; DocxWriter: Apache POI; PdfWriter: Apache PDFBox, see
 * {@link cn.reportarchive.generate.PdfFonts}), GroundTruth, and
 * {@link cn.reportarchive.generate.ArchiveGenerator} which runs it all.
 *
 * <p>The ground truth, one JSON object a line:
 * <ul>
 * <li>{@code meta}: the options.</li>
 * <li>{@code report}: file, format, charset (text), unit (canonical), unitInText, year, kind,
 * author, authorPost, authorInText, post (as written in the header, else null), title, meeting,
 * track, domain, sections [{type, blocks: [[aspect or "-", items], …]}] (what the parser should
 * find; a block written as prose counts 0 items), copyOf, and layout facts of PDFs (pdfTitleLines,
 * pdfCharsPerLine, pdfFullWidthHeadings: headings whose last line fills the page width).</li>
 * <li>{@code compare}: for two consecutive years of one track (unit and author), the repeats
 * planted [{from, to, how: verbatim|edited|moved, edits, firstSeen}], every measure of the earlier
 * year [{ref, answers (the problem it answers), status: reported|recurred|no-trace, evidence}], and
 * measures promised again [{from, to, how}]. Refs are INTERFACE.md's TYPE/B/I (TYPE/B for a block
 * without points). With --truth-snippets every ref comes with the first characters of its text.</li>
 * <li>{@code copy}: a report (b) largely copied from another unit's of the same year (a), with
 * names and line of work swapped: how, the share of b's points taken over, and the pairs of refs.</li>
 * <li>{@code summary}: counts.</li>
 * </ul>
 */
package cn.reportarchive.generate;
