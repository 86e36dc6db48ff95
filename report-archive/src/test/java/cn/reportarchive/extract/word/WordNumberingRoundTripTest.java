package cn.reportarchive.extract.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.extract.ExtractedText;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.extract.WorkerSettings;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import cn.reportarchive.parse.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance of Word's own numbering: a report typed with its numbers, and the same report
 * built with automatic numbering (.docx through POI's numbering API in two ways a writer gets
 * there, with page furniture, a table of contents and a table of measures; .odt with outline
 * and list styles), read through the extractor and the parser, give the same report: header,
 * preface, sections, block headings and aspects, every point's text, the closing.
 */
@Tag("integration")
class WordNumberingRoundTripTest {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    /** Reports written for these tests, in voices and years of their own (see src/test/resources/word/README.md). */
    static final List<String> REPORTS = List.of(
            "shimen-2019-township-secretary.txt",
            "riverside-2021-hospital-committee.txt",
            "beiling-2023-college-committee.txt");
    /** The corpus's dev set (never its holdout), written by another hand without reading this code. */
    static final List<String> CORPUS_DEV = List.of(
            "d01-2016-liangxue-branch-member", "d02-2018-county-standing-committee",
            "d03-2019-buwangchuxin-personal-director", "d04-2020-township-halfwidth",
            "d05-2021-dangshi-propaganda-head", "d06-2022-soe-party-committee", "d07-2023-zhutijiaoyu-colon-header",
            "d08-2024-dangji-university-school", "d09-2016-deputy-director-circled", "d10-2019-hospital-party-committee",
            "d11-2021-dangshi-branch-member", "d12-202X-placeholder-county-office", "d13-2023-zhutijiaoyu-branch-no-unit",
            "d14-2024-dangji-personal-inline-heading", "d15-2020-township-secretary-table", "d16-2018-soe-chairman");

    private static TikaExtractor extractor;
    private static final ReportParser PARSER = new ReportParser(AspectTaxonomy.defaults());

    @BeforeAll
    static void open() {
        extractor = new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer());
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    enum Build {
        DOCX_DIRECT("docx", DOCX) {
            @Override
            byte[] build(String typed) {
                return new AutoNumberedDocx(AutoNumberedDocx.Numbering.DIRECT, false, false, "chineseCounting").build(typed);
            }
        },
        DOCX_STYLED_WITH_FURNITURE_AND_TABLE("docx", DOCX) {
            @Override
            byte[] build(String typed) {
                return new AutoNumberedDocx(AutoNumberedDocx.Numbering.STYLED, true, true, "chineseCounting").build(typed);
            }
        },
        DOCX_COUNTING_THOUSAND_WITH_FURNITURE("docx", DOCX) {
            @Override
            byte[] build(String typed) {
                return new AutoNumberedDocx(AutoNumberedDocx.Numbering.DIRECT, true, true, "chineseCountingThousand")
                        .build(typed);
            }
        },
        ODT("odt", WordNumberingRoundTripTest.ODT) {
            @Override
            byte[] build(String typed) {
                return new AutoNumberedOdt().build(typed);
            }
        };

        final String extension;
        final String mediaType;

        Build(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        abstract byte[] build(String typed);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        REPORTS.forEach(r -> paths.add("/word/" + r));
        CORPUS_DEV.forEach(r -> paths.add("/corpus/dev/" + r + ".txt"));
        for (String report : paths) {
            for (Build build : Build.values()) {
                cases.add(Arguments.of(report, build));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void autoNumberedGivesTheSameReportAsTyped(String path, Build build) throws ExtractionException {
        String typed = resourceAt(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        Report expected = parse(typed.getBytes(StandardCharsets.UTF_8), name);
        long numbered = TypedReport.paragraphs(typed).stream().filter(TypedReport.Paragraph::numbered).count();
        assertTrue(numbered >= 3, name + ": only " + numbered + " paragraphs auto-numbered");

        byte[] file = build.build(typed);
        ExtractedText extracted = extractor.extract(file, name.replace(".txt", "." + build.extension));
        assertEquals(build.mediaType, extracted.mediaType());
        Report actual = PARSER.parse(extracted.text());

        assertEquals(outline(expected), outline(actual), name);
        assertEquals(expected, actual, name + ": the reports differ beyond their outline");
        assertFalse(extracted.text().contains("内部资料"), "page header in the text");
        assertFalse(extracted.text().contains("第1页"), "page footer in the text");
        assertFalse(extracted.text().contains("注："), "footnote in the text");
        assertFalse(extracted.text().contains("文本框"), "text box in the text");
    }

    /** What the archive runs: the readers in the isolated parser process give the same text as in this one. */
    @org.junit.jupiter.api.Test
    void theParserProcessReadsWordNumberingAlike() throws ExtractionException {
        String typed = resource(REPORTS.get(2));
        try (TikaExtractor isolated = TikaExtractor.isolated(ExtractionLimits.defaults(), new TextNormalizer(),
                new WorkerSettings(1, WorkerSettings.DEFAULT_HEAP_MB, 1000))) {
            for (Build build : Build.values()) {
                byte[] file = build.build(typed);
                String name = "report." + build.extension;
                assertEquals(extractor.extract(file, name).text(), isolated.extract(file, name).text(), build.name());
            }
        }
    }

    /** Sections, blocks and point counts first: a failure then names where the structure broke. */
    private static List<String> outline(Report r) {
        List<String> lines = new ArrayList<>();
        for (Section s : r.sections()) {
            lines.add(s.type() + " " + s.heading());
            s.blocks().forEach(b -> lines.add("  " + b.heading() + " [" + b.aspect() + "] " + b.items().size()));
        }
        return lines;
    }

    static Report parse(byte[] bytes, String filename) throws ExtractionException {
        return PARSER.parse(extractor.extract(bytes, filename).text());
    }

    static String resource(String name) {
        return resourceAt("/word/" + name);
    }

    static String resourceAt(String path) {
        try (InputStream in = WordNumberingRoundTripTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
