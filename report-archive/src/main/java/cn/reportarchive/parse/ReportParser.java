package cn.reportarchive.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalised text to a {@link Report}: header, preface, sections (一、), blocks (（一）), intros and
 * points, the closing pledge, and each block's canonical aspect. A pure function of the text and
 * the taxonomy.
 */
public final class ReportParser {
    private static final Pattern DATE_LINE = Pattern.compile(
            "^.{0,20}?(?:(?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})\\s*年\\s*[\\d一二三四五六七八九十]{1,3}\\s*月(?:\\s*[\\d一二三四五六七八九十]{1,3}\\s*日)?$");
    private static final Pattern PLEDGE = Pattern.compile(
            "^(?:以上|总之|恳请|敬请|请各位|请同志们|不妥之处|不当之处|欢迎|在今后的工作中|今后，我|我们将以此次|我将以此次|我们决心|我决心)");

    /** 局党组将以这次民主生活会为新的起点…: the pledge names the meeting as a starting point. */
    private static final Pattern PLEDGE_OCCASION = Pattern.compile(
            "(?:以|把)(?:这次|此次|本次)[^。]{0,30}?(?:契机|起点|新起点|动力)");

    private static final Pattern INLINE_OPENING = Pattern.compile("^(?:" + Markers.CN + "[是要]|第一[，,、]|其一[，,、])");

    private final AspectTaxonomy taxonomy;

    public ReportParser(AspectTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The taxonomy blocks are classified by (corrections of a block's aspect are checked against it). */
    public AspectTaxonomy taxonomy() {
        return taxonomy;
    }

    public Report parse(String text) {
        List<String> lines = TitleLines.mend(text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        int headerEnd = HeaderParser.headerLength(lines);
        SectionHeadings.Found found = SectionHeadings.find(lines.subList(headerEnd, lines.size()));
        List<String> rest = found.lines();
        int firstSection = found.headings().stream().mapToInt(Integer::intValue).min().orElse(rest.size());
        List<String> preface = rest.subList(0, firstSection);
        Header header = HeaderParser.parse(lines.subList(0, headerEnd), String.join("", rest));
        List<String> body = new ArrayList<>(rest.subList(firstSection, rest.size()));
        Set<Integer> headings = new HashSet<>();
        found.headings().forEach(h -> headings.add(h - firstSection));
        List<String> closing = takeClosing(body, headings);
        List<Section> sections = pairMeasures(sections(body, headings));
        Integer year = header.year();
        if (year == null && !header.yearPlaceholder()) {
            year = YearFinder.fromPreface(preface);
        }
        List<ReportWarning> warnings = headerWarnings(header);
        if (year == null && !header.yearPlaceholder()) {
            year = YearFinder.fromSignature(closing);
            if (year != null) {
                warnings.add(ReportWarning.of(WarningCode.HEADER_GUESSED,
                        "标题和前言中没有年度，" + year + "年度是根据落款日期推断的，请核对。"));
            }
        }
        Report report = new Report(null, header.title(), year, header.unit(), header.author(), header.post(),
                header.kind(), header.meeting(), null, null, null, false, warnings, sections, preface, closing,
                List.of());
        return Warnings.refresh(report);
    }

    private static List<ReportWarning> headerWarnings(Header header) {
        List<ReportWarning> warnings = new ArrayList<>();
        if (header.yearPlaceholder()) {
            warnings.add(ReportWarning.of(WarningCode.YEAR_PLACEHOLDER,
                    "标题中的年度写作“202X”一类的占位符，年度未能识别，请核对并补充。"));
        }
        if (header.guessed()) {
            warnings.add(ReportWarning.of(WarningCode.HEADER_GUESSED,
                    "单位或作者是从不确定的线索推断的，请核对。"));
        }
        return warnings;
    }

    /**
     * Whether the text is a report at all: it has numbered parts, or a title that names the
     * meeting or the material. A shopping list saved as .txt has neither.
     */
    public static boolean looksLikeReport(Report report) {
        return !report.sections().isEmpty() || HeaderParser.isTitle(report.title());
    }

    /**
     * Why this text cannot be imported as one report (a compilation of several reports, say), in one
     * Chinese sentence, or null when it can.
     */
    public String refusal(String text) {
        return CompilationDetector.refusal(text);
    }

    /** The pledge and signature after the last point: taken from the end while they look like one. */
    private static List<String> takeClosing(List<String> body, Set<Integer> headings) {
        int start = body.size();
        while (start > 0) {
            String line = body.get(start - 1);
            boolean signature = DATE_LINE.matcher(line).matches()
                    || (line.length() <= 20 && !LineEnds.sentence(line) && !opensStructure(line));
            boolean pledge = PLEDGE.matcher(line).find() || PLEDGE_OCCASION.matcher(line).find();
            // 今后，我将从以下几方面加以改进：一要……二要……: measures that open like a pledge
            boolean points = pledge && InlineEnumeration.split(List.of(line)).items().size() >= 2;
            if (headings.contains(start - 1) || (!signature && !pledge) || (!signature && points)) {
                break;
            }
            start--;
        }
        List<String> closing = new ArrayList<>(body.subList(start, body.size()));
        body.subList(start, body.size()).clear();
        return closing;
    }

    /** A signature never opens with a number or 一是: a short table row or point is no signature. */
    private static boolean opensStructure(String line) {
        return Markers.SECTION.matcher(line).find() || Markers.BLOCK.matcher(line).find()
                || Markers.ItemStyle.of(line) != null || Markers.TABLE_ROW_NEXT.matcher(line).find()
                || INLINE_OPENING.matcher(line).find();
    }

    private List<Section> sections(List<String> body, Set<Integer> headings) {
        List<Section> sections = new ArrayList<>();
        int i = 0;
        while (i < body.size()) {
            String heading = body.get(i);
            int end = i + 1;
            while (end < body.size() && !headings.contains(end)) {
                end++;
            }
            sections.add(section(heading, body.subList(i + 1, end)));
            i = end;
        }
        return sections;
    }

    private Section section(String heading, List<String> lines) {
        String words = Markers.SECTION.matcher(heading).replaceFirst("");
        SectionType type = SectionClassifier.classify(words);
        int firstBlock = 0;
        while (firstBlock < lines.size() && !Markers.BLOCK.matcher(lines.get(firstBlock)).find()) {
            firstBlock++;
        }
        if (firstBlock == lines.size()) {
            ItemSplitter.Body body = ItemSplitter.split(lines);
            List<Block> blocks = body.intro().isEmpty() && body.items().isEmpty()
                    ? List.of() : List.of(new Block(null, null, body.intro(), body.items()));
            return new Section(type, heading, "", blocks);
        }
        String intro = String.join("", lines.subList(0, firstBlock));
        List<Block> blocks = new ArrayList<>();
        int i = firstBlock;
        while (i < lines.size()) {
            int end = i + 1;
            while (end < lines.size() && !Markers.BLOCK.matcher(lines.get(end)).find()) {
                end++;
            }
            blocks.add(block(lines.get(i), lines.subList(i + 1, end)));
            i = end;
        }
        return new Section(type, heading, intro, blocks);
    }

    private Block block(String firstLine, List<String> rest) {
        BlockHeading split = BlockHeading.split(firstLine);
        List<String> paragraphs = new ArrayList<>();
        if (!split.rest().isEmpty()) {
            paragraphs.add(split.rest());
        }
        paragraphs.addAll(rest);
        ItemSplitter.Body body = ItemSplitter.split(paragraphs);
        return new Block(split.heading(), taxonomy.classify(split.heading()), body.intro(), body.items());
    }

    /** Measure blocks take the aspect of the problem block they answer, when the two correspond. */
    private List<Section> pairMeasures(List<Section> sections) {
        Section problems = first(sections, SectionType.PROBLEMS);
        Section measures = first(sections, SectionType.MEASURES);
        if (problems == null || measures == null || problems.blocks().size() != measures.blocks().size()
                || problems.blocks().size() < 2) {
            return sections;
        }
        int[] answers = MeasurePairing.pair(problems.blocks(), measures.blocks(), taxonomy);
        List<Block> paired = new ArrayList<>();
        for (int m = 0; m < answers.length; m++) {
            paired.add(measures.blocks().get(m).withAspect(problems.blocks().get(answers[m]).aspect()));
        }
        List<Section> result = new ArrayList<>(sections);
        result.set(sections.indexOf(measures), measures.withBlocks(paired));
        return result;
    }

    private static Section first(List<Section> sections, SectionType type) {
        return sections.stream().filter(s -> s.type() == type).findFirst().orElse(null);
    }
}
