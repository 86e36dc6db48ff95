package cn.reportarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.compare.MeasureStatus;
import cn.reportarchive.compare.Comparison;
import cn.reportarchive.compare.Comparison.AspectColumns;
import cn.reportarchive.compare.Comparison.AspectPoint;
import cn.reportarchive.compare.Comparison.Column;
import cn.reportarchive.compare.Comparison.Evidence;
import cn.reportarchive.compare.Comparison.MeasureFollowUp;
import cn.reportarchive.compare.Comparison.PointText;
import cn.reportarchive.compare.Comparison.Repeat;
import cn.reportarchive.compare.Comparison.Side;
import cn.reportarchive.compare.CopyCheck;
import cn.reportarchive.compare.History;
import cn.reportarchive.parse.AspectTaxonomy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The rows of the compare export, written as CSV and .xlsx and read back, against the record they come from. */
class ExportRowsTest {
    private static final String TRICKY = "二是有“引号”, 逗号,\n换行和<script>alert(1)</script>的表述。";

    private final ExportRows rows = new ExportRows(AspectTaxonomy.defaults());

    /** Two years: one problem restated under another aspect, one not; one measure of each status. */
    static Comparison comparison() {
        PointText p1 = new PointText("problems/1/1", "一是学习领悟“两个确立”的决定性意义还不够深透，存在以学代研的现象。");
        PointText p2 = new PointText("problems/1/2", TRICKY);
        PointText q1 = new PointText("problems/2/1", "一是对“两个确立”的决定性意义领悟不够深透，存在以学代研、浅尝辄止的现象。");
        PointText q2 = new PointText("problems/1/1", "一是档案数字化推进缓慢。");
        PointText m1 = new PointText("measures/1/1", "一是健全中心组学习制度。");
        PointText m2 = new PointText("measures/1/2", "二是建立工作台账，实行销号管理。");
        PointText m3 = new PointText("measures/1/3", "三是开展专项整治。");
        Repeat repeat = new Repeat(new AspectPoint(q1.ref(), "theory", q1.text()), new AspectPoint(p1.ref(), "political", p1.text()),
                0.81, List.of("的决定性意义", "不够深透，存在以学代研"));
        Repeat below = new Repeat(new AspectPoint(q2.ref(), "style", q2.text()), new AspectPoint(p2.ref(), "political", p2.text()),
                0.12, List.of());
        return new Comparison("临江县财政局", null, new Side("a1", 2022, "2022年材料"), new Side("b2", 2023, "2023年材料"), 0.55,
                List.of(new AspectColumns("political", "政治素质", new Column(List.of(p1, p2), List.of(m1, m2, m3)),
                                new Column(List.of(), List.of())),
                        new AspectColumns("theory", "理论学习", new Column(List.of(), List.of()), new Column(List.of(q1), List.of())),
                        new AspectColumns("style", "工作作风", new Column(List.of(), List.of()), new Column(List.of(q2), List.of()))),
                List.of(repeat),
                List.of(new MeasureFollowUp(m1, "political", "problems/1/1", MeasureStatus.RECURRED,
                                List.of(new Evidence(q1.ref(), q1.text(), 0.81))),
                        new MeasureFollowUp(m2, "political", "problems/1/2", MeasureStatus.REPORTED,
                                List.of(new Evidence("rectification/1/1", "1.建立工作台账，已销号37项。", 0.48))),
                        new MeasureFollowUp(m3, "political", null, MeasureStatus.NO_TRACE, List.of())),
                List.of(repeat, below));
    }

    @Test
    void compareProblemsCsvHasOneRowPerProblemOfBothYears() throws IOException {
        Comparison c = comparison();
        byte[] csv = Spreadsheets.csv(rows.compareProblems(c));
        List<CSVRecord> records = parseCsv(csv);

        assertEquals(4, records.size(), "two problems of 2022 and two of 2023");
        Map<String, CSVRecord> byRow = records.stream().collect(Collectors.toMap(r -> r.get("年度") + " " + r.get("编号"), Function.identity()));
        CSVRecord later = byRow.get("2023 problems/2/1");
        assertEquals("理论学习", later.get("方面"));
        assertEquals("问题（二）第1条", later.get("位置"));
        assertEquals("重复2022年问题", later.get("重复情况"));
        assertEquals("problems/1/1", later.get("对应编号"));
        assertEquals(c.repeats().get(0).from().text(), later.get("对应问题"));
        assertEquals("81%", later.get("相似度"), "a share as the pages show it");
        assertEquals("临江县财政局", later.get("单位"));
        assertEquals("的决定性意义；不够深透，存在以学代研", later.get("相同文字"));

        CSVRecord earlier = byRow.get("2022 problems/1/1");
        assertEquals("2023年再次提出", earlier.get("重复情况"));
        assertEquals("problems/2/1", earlier.get("对应编号"));

        // below the threshold is not a repeat, and text with quotes, commas, newlines and markup survives as written
        CSVRecord tricky = byRow.get("2022 problems/1/2");
        assertEquals("否", tricky.get("重复情况"));
        assertEquals(TRICKY, tricky.get("问题"));
        assertEquals("", tricky.get("相似度"));
        assertEquals("否", byRow.get("2023 problems/1/1").get("重复情况"));
    }

    @Test
    void possibleRepeatsAreATableOfTheirOwnAndNotRepeatsInTheProblemsTable() throws IOException {
        Comparison base = comparison();
        Repeat possible = new Repeat(new AspectPoint("problems/3/1", "style", "遇事不敢拍板、决策过于谨慎。"),
                new AspectPoint("problems/1/2", "political", "不敢大胆拍板，过度谨慎。"), 0.412, List.of("拍板"),
                List.of("过度/过于", "谨慎"));
        Comparison c = new Comparison(base.unit(), base.author(), base.from(), base.to(), base.threshold(), base.aspects(),
                base.repeats(), base.measures(), base.closest(), 0.16, List.of(possible));
        ExportTable table = rows.comparePossible(c);
        assertEquals(ExportRows.POSSIBLE_HEADING, table.name());
        List<CSVRecord> records = parseCsv(Spreadsheets.csv(table));
        assertEquals(1, records.size());
        CSVRecord r = records.get(0);
        assertEquals("临江县财政局", r.get("单位"));
        assertEquals("2023", r.get("年度"));
        assertEquals("问题（三）第1条", r.get("位置"));
        assertEquals("工作作风", r.get("方面"));
        assertEquals("2022", r.get("对应年度"));
        assertEquals("不敢大胆拍板，过度谨慎。", r.get("对应问题"));
        assertEquals("41%", r.get("相似度"));
        assertEquals("拍板", r.get("相同文字"));
        assertEquals("过度/过于、谨慎", r.get("相同或同义的词"));
        // the problems table counts repeats only: the earlier point of a possible repeat stays 否 there
        Map<String, CSVRecord> byRow = parseCsv(Spreadsheets.csv(rows.compareProblems(c))).stream()
                .collect(Collectors.toMap(x -> x.get("年度") + " " + x.get("编号"), Function.identity()));
        assertEquals("否", byRow.get("2022 problems/1/2").get("重复情况"));
        assertTrue(parseCsv(Spreadsheets.csv(rows.comparePossible(base))).isEmpty(), "no second tier, no rows");
    }

    @Test
    void csvStartsWithAByteOrderMarkSoExcelReadsChinese() {
        byte[] csv = Spreadsheets.csv(rows.compareProblems(comparison()));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]));
        assertTrue(new String(csv, StandardCharsets.UTF_8).substring(1).startsWith("单位,作者,方面,年度,位置"));
    }

    @Test
    void compareMeasuresGiveStatusInChineseAndTheEvidence() throws IOException {
        Comparison c = comparison();
        List<CSVRecord> records = parseCsv(Spreadsheets.csv(rows.compareMeasures(c)));
        assertEquals(c.measures().size(), records.size());
        for (int i = 0; i < records.size(); i++) {
            MeasureFollowUp m = c.measures().get(i);
            CSVRecord r = records.get(i);
            assertEquals(m.measure().ref(), r.get("编号"));
            assertEquals(m.measure().text(), r.get("措施"));
            assertEquals(m.status().label(), r.get("落实情况"));
            assertEquals(m.evidence().isEmpty() ? "" : m.evidence().get(0).text(), r.get("依据原文"));
        }
        assertEquals(List.of("问题再次出现", "已报告落实", "未见下文"), records.stream().map(r -> r.get("落实情况")).toList());
        assertEquals("2023年整改落实（一）第1条", records.get(1).get("依据位置"));
        assertEquals("", records.get(2).get("针对问题"));
    }

    @Test
    void xlsxHasASheetPerTableWithNumbersAsNumbers() throws IOException {
        Comparison c = comparison();
        ExportTable problems = rows.compareProblems(c);
        ExportTable measures = rows.compareMeasures(c);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Spreadsheets.xlsx(List.of(problems, measures))))) {
            assertEquals(2, book.getNumberOfSheets());
            assertEquals("问题对比", book.getSheetName(0));
            assertEquals("措施落实", book.getSheetName(1));
            Sheet sheet = book.getSheetAt(0);
            assertEquals(problems.headers(), cells(sheet.getRow(0)));
            assertEquals(problems.rows().size(), sheet.getLastRowNum());
            for (int i = 0; i < problems.rows().size(); i++) {
                List<Object> expected = problems.rows().get(i);
                Row row = sheet.getRow(i + 1);
                for (int col = 0; col < expected.size(); col++) {
                    Object want = expected.get(col);
                    Cell cell = row.getCell(col);
                    if (want == null) {
                        assertTrue(cell == null || cell.getCellType() == CellType.BLANK);
                    } else if (want instanceof Percent p) {
                        assertEquals(CellType.NUMERIC, cell.getCellType(), "a percentage stays a number");
                        assertEquals(p.value(), cell.getNumericCellValue());
                        assertEquals("0%", cell.getCellStyle().getDataFormatString());
                    } else if (want instanceof Number n) {
                        assertEquals(CellType.NUMERIC, cell.getCellType());
                        assertEquals(n.doubleValue(), cell.getNumericCellValue());
                    } else {
                        assertEquals(want, cell.getStringCellValue());
                    }
                }
            }
        }
    }

    @Test
    void chainsGiveOneRowPerStatementAndTheTrendOnePerYearAndAspect() throws IOException {
        History h = new History("临江县财政局", null, List.of(2022, 2023, 2024), List.of(
                new History.Chain(3, List.of(2022, 2023, 2024), false, List.of(
                        new History.Link(2022, "a1", "problems/6/2", "integrity", "执行中央八项规定精神还有不够严格的地方。", null),
                        new History.Link(2023, "b2", "problems/6/2", "integrity", "执行中央八项规定精神还有不够严格的地方。", 1.0),
                        new History.Link(2024, "c3", "problems/4/2", "style", "执行中央八项规定精神不够严格。", 0.74))),
                new History.Chain(2, List.of(2022, 2023), true, List.of(
                        new History.Link(2022, "a1", "problems/1/1", "political", "学习领悟不够深透。", null),
                        new History.Link(2023, "b2", "problems/1/2", "theory", "领悟不够深透。", 0.7)))),
                List.of(new History.YearTrend(2023, List.of(new History.AspectCount("integrity", "廉洁自律", 3, 1)))));
        List<CSVRecord> links = parseCsv(Spreadsheets.csv(rows.chains(h)));
        assertEquals(5, links.size());
        assertEquals(List.of("1", "1", "1", "2", "2"), links.stream().map(r -> r.get("问题链")).toList());
        assertEquals("2022→2023→2024", links.get(0).get("提出年度"));
        assertEquals("从未报告落实", links.get(0).get("措施落实"));
        assertEquals("曾报告落实", links.get(3).get("措施落实"));
        assertEquals("", links.get(0).get("与上次相似度"), "the first statement has nothing before it");
        assertEquals("74%", links.get(2).get("与上次相似度"));
        assertEquals("临江县财政局", links.get(2).get("单位"));
        assertEquals("工作作风", links.get(2).get("方面"));
        assertEquals("问题（四）第2条", links.get(2).get("位置"));

        List<CSVRecord> trend = parseCsv(Spreadsheets.csv(rows.trend(h)));
        assertEquals(1, trend.size());
        assertEquals(List.of("临江县财政局", "", "2023", "廉洁自律", "3", "1"), trend.get(0).stream().toList());
    }

    @Test
    void copyPairsAndPassagesNameBothSides() throws IOException {
        CopyCheck.DocRef copy = new CopyCheck.DocRef("b2", "临江县审计局", null, 2023, "审计局2023");
        CopyCheck.DocRef source = new CopyCheck.DocRef("a1", "临江县财政局", null, 2023, "财政局2023");
        CopyCheck.DocRef template = new CopyCheck.DocRef("template:t1", null, null, null, "网传范文");
        List<CSVRecord> pairs = parseCsv(Spreadsheets.csv(rows.copyPairs(List.of(
                new CopyCheck.Pair(copy, source, 0.519, false), new CopyCheck.Pair(copy, template, 0.31, true)))));
        assertEquals(2, pairs.size());
        assertEquals("临江县审计局", pairs.get(0).get("材料单位"));
        assertEquals("临江县财政局", pairs.get(0).get("来源单位"));
        assertEquals("52%", pairs.get(0).get("雷同占比"));
        assertEquals("范文", pairs.get(1).get("来源"));
        assertEquals("网传范文", pairs.get(1).get("来源标题"));

        CopyCheck check = new CopyCheck("b2", "审计局2023", "临江县审计局", null, 2023, 0.49, List.of(new CopyCheck.Source("a1", "临江县财政局", null, 2023,
                "财政局2023", false, 0.47, List.of(new CopyCheck.SharedPassage("problems/1/1", "一是学习不够系统深入。",
                        "problems/1/1", "一是学习不够系统深入，满足于记笔记。", List.of("学习不够系统深入"))))));
        List<CSVRecord> passages = parseCsv(Spreadsheets.csv(rows.copyPassages(check)));
        assertEquals(1, passages.size());
        assertEquals("临江县审计局", passages.get(0).get("单位"));
        assertEquals("49%", passages.get(0).get("雷同占本材料"));
        assertEquals("47%", passages.get(0).get("来源占本材料"));
        assertEquals("问题（一）第1条", passages.get(0).get("本材料位置"));
        assertEquals("一是学习不够系统深入。", passages.get(0).get("本材料原文"));
        assertEquals("一是学习不够系统深入，满足于记笔记。", passages.get(0).get("来源原文"));
        assertEquals("学习不够系统深入", passages.get(0).get("相同文字"));
    }

    @Test
    void placeNamesARefInWords() {
        assertEquals("问题（三）第2条", ExportRows.place("problems/3/2"));
        assertEquals("措施（十二）", ExportRows.place("measures/12"));
        assertEquals("整改落实", ExportRows.place("rectification"));
        assertEquals("", ExportRows.place((String) null));
        // block numbers past 99 and the paragraphs outside the sections (once 问题（ 105第1条 and preface（一）)
        assertEquals("问题（一百零五）第1条", ExportRows.place("problems/105/1"));
        assertEquals("前言第1段", ExportRows.place("preface/1"));
        assertEquals("结尾第3段", ExportRows.place("closing/3"));
    }

    @Test
    void aRowMustFitTheHeaders() {
        ExportTable.Builder t = new ExportTable.Builder("表", "甲", "乙");
        assertThrows(IllegalArgumentException.class, () -> t.row("只有一格"));
    }

    @Test
    void percentsRoundAsThePagesDo() {
        assertEquals("52%", new Percent(0.519).text());
        assertEquals("<1%", new Percent(0.003).text());
        assertEquals("0%", new Percent(0).text());
        assertEquals("100%", new Percent(1).text());
    }

    private static List<String> cells(Row row) {
        return IntStream.range(0, row.getLastCellNum()).mapToObj(i -> row.getCell(i).getStringCellValue()).toList();
    }

    static List<CSVRecord> parseCsv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }
}
