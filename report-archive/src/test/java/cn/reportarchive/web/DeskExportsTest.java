package cn.reportarchive.web;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.AuditEntry;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The leader's desk over HTTP on the sample archive: the 整改台账 in .xlsx, .csv and .docx read back
 * and checked against the comparison with the next year, the Word files of 对比 and 查重, reversed
 * years, and every export's locations in words and shares as percentages, each export audited once.
 */
@Tag("integration")
class DeskExportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FINANCE = "临江县财政局";
    private static final List<String> LEDGER_COLUMNS = List.of("序号", "方面", "问题", "整改措施", "责任人", "完成时限", "完成情况");
    private static final Map<String, String> STATUS = Map.of("reported", "已报告落实", "recurred", "问题再次出现", "no-trace", "未见下文");
    /** A ref as the API writes it (problems/3/2, preface/1): never what a user should read as a location. */
    private static final Pattern RAW_REF = Pattern.compile("[a-z]+/\\d|preface|closing");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}%|<1%)");

    @TempDir
    static Path data;
    static Application app;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        app.bulkImport().run(BulkImport.plan(List.of(Path.of("sample-docs"))), ImportMetadata.NONE, o -> { });
        server = WebServer.start(app, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return JSON.readTree(r.body());
    }

    static byte[] file(String path, String extension) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment") && disposition.contains("." + extension), disposition);
        return r.body();
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- 整改台账 ----

    /** What the ledger's rows must say, from the comparison of 2022 with 2023. */
    private record Expected(String measure, String problem, String status, String evidence) {
    }

    private static List<Expected> expectedLedger() throws Exception {
        JsonNode c = json("/api/compare?unit=" + q(FINANCE) + "&from=2022&to=2023");
        Map<String, String> problems = new HashMap<>();
        c.get("aspects").forEach(a -> a.get("from").get("problems").forEach(p -> problems.put(p.get("ref").asText(), p.get("text").asText())));
        List<Expected> out = new ArrayList<>();
        for (JsonNode m : c.get("measures")) {
            String answers = m.get("answers").isNull() ? null : m.get("answers").asText();
            out.add(new Expected(m.get("measure").get("text").asText(), answers == null ? null : problems.get(answers),
                    STATUS.get(m.get("status").asText()), m.get("evidence").isEmpty() ? null : m.get("evidence").get(0).get("text").asText()));
        }
        assertTrue(out.size() > 5, "the 2022 report has measures");
        assertTrue(out.stream().map(Expected::status).distinct().count() >= 2, "more than one status to tell apart");
        return out;
    }

    private static void assertRow(Expected want, String measure, String problem, String done, String who, String when) {
        assertEquals(want.measure(), measure);
        if (want.problem() != null) {
            assertEquals(want.problem(), problem);
        } else {
            assertTrue(problem.contains("未对应具体问题"), problem);
        }
        assertTrue(done.startsWith(want.status()), done + " / " + want.status());
        if (want.evidence() != null) {
            assertTrue(done.contains(want.evidence()), "the sentence the status rests on: " + done);
            assertTrue(done.contains("2023年材料"), done);
            assertFalse(RAW_REF.matcher(done).find(), "the evidence's place in words: " + done);
        }
        assertEquals("", who, "责任人 is for the leader to fill in");
        assertEquals("", when, "完成时限 too");
    }

    @Test
    void ledgerXlsxHasARowPerMeasureWithTheComparisonsStatusAndPrintsOnA4Landscape() throws Exception {
        List<Expected> expected = expectedLedger();
        // the unit under another of its names, as the unit directory knows it
        byte[] bytes = file("/api/ledger?unit=" + q("中共临江县财政局党组") + "&year=2022&format=xlsx", "xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheet("整改台账");
            assertNotNull(sheet);
            List<String> headers = cells(sheet.getRow(0));
            assertEquals(LEDGER_COLUMNS, headers.subList(0, 7));
            assertTrue(headers.contains("单位"));
            assertEquals(expected.size(), sheet.getLastRowNum(), "one row per measure");
            for (int i = 0; i < expected.size(); i++) {
                List<String> row = cells(sheet.getRow(i + 1), headers.size());
                assertEquals(String.valueOf(i + 1), row.get(0), "序号");
                assertFalse(row.get(1).matches("[a-z]+"), "方面 in Chinese: " + row.get(1));
                assertRow(expected.get(i), row.get(3), row.get(2), row.get(6), row.get(4), row.get(5));
                assertEquals(FINANCE, row.get(headers.indexOf("单位")));
            }
            // ready to print: filtered, frozen, heading repeated, A4 landscape one page wide, the ledger's columns only
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), "autofilter");
            assertTrue(sheet.getPaneInformation().isFreezePane(), "frozen heading row");
            assertEquals("1:1", sheet.getRepeatingRows().formatAsString().replace("$", ""));
            PrintSetup print = sheet.getPrintSetup();
            assertTrue(print.getLandscape());
            assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize());
            assertEquals(1, print.getFitWidth());
            assertTrue(sheet.getFitToPage());
            assertTrue(book.getPrintArea(0).replace("$", "").contains("A1:G"), book.getPrintArea(0));
            assertTrue(sheet.getHeader().getLeft().contains(FINANCE) && sheet.getHeader().getLeft().contains("2022年"));
            assertTrue(sheet.getHeader().getRight().contains("内部资料") && sheet.getHeader().getRight().contains("打印时间"));
            assertTrue(sheet.getRow(1).getCell(3).getCellStyle().getWrapText(), "long text wraps");
        }
    }

    @Test
    void ledgerCsvAndDocxSayTheSame() throws Exception {
        List<Expected> expected = expectedLedger();
        String csv = new String(file("/api/ledger?unit=" + q(FINANCE) + "&year=2022&format=csv", "csv"), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', csv.charAt(0));
        List<CSVRecord> records = parse(csv);
        assertEquals(expected.size(), records.size());
        for (int i = 0; i < expected.size(); i++) {
            CSVRecord r = records.get(i);
            assertRow(expected.get(i), r.get("整改措施"), r.get("问题"), r.get("完成情况"), r.get("责任人"), r.get("完成时限"));
            assertFalse(RAW_REF.matcher(r.get("措施位置")).find(), r.get("措施位置"));
        }

        byte[] docx = file("/api/ledger?unit=" + q(FINANCE) + "&year=2022&format=docx", "docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertLandscapeWithHeader(doc, FINANCE, "2022年");
            XWPFTable t = doc.getTables().get(0);
            assertEquals(LEDGER_COLUMNS, t.getRow(0).getTableCells().stream().map(c -> c.getText()).toList());
            assertTrue(t.getRow(0).isRepeatHeader(), "the heading row repeats on every page");
            assertEquals(expected.size() + 1, t.getNumberOfRows());
            for (int i = 0; i < expected.size(); i++) {
                XWPFTableRow row = t.getRow(i + 1);
                assertEquals(String.valueOf(i + 1), row.getCell(0).getText());
                assertRow(expected.get(i), row.getCell(3).getText(), row.getCell(2).getText(), row.getCell(6).getText(),
                        row.getCell(4).getText(), row.getCell(5).getText());
            }
            assertTrue(text(doc).contains("临江县财政局领导班子2022年度对照检查整改台账"), "its title");
        }
    }

    @Test
    void theLatestYearsLedgerWaitsForTheNextYear() throws Exception {
        JsonNode l = json("/api/ledger?unit=" + q(FINANCE) + "&year=2024&format=json");
        assertTrue(l.get("next").isNull());
        assertTrue(l.get("rows").size() > 0);
        l.get("rows").forEach(r -> assertTrue(r.get("status").isNull()));
        List<CSVRecord> records = parse(new String(file("/api/ledger?unit=" + q(FINANCE) + "&year=2024&format=csv", "csv"),
                StandardCharsets.UTF_8));
        assertEquals(l.get("rows").size(), records.size());
        records.forEach(r -> assertEquals("待下年材料", r.get("完成情况")));
        // a personal report's ledger follows the same person
        JsonNode personal = json("/api/ledger?unit=" + q("青山区市场监督管理局") + "&author=" + q("周立新") + "&year=2023&format=json");
        assertEquals("周立新", personal.get("author").asText());
        assertEquals(2024, personal.get("next").get("year").asInt());
    }

    @Test
    void badLedgerRequestsGetAChineseSentence() throws Exception {
        Map<String, Integer> cases = Map.of(
                "/api/ledger?year=2022", 400,
                "/api/ledger?unit=" + q(FINANCE), 400,
                "/api/ledger?unit=" + q(FINANCE) + "&year=abc", 400,
                "/api/ledger?unit=" + q(FINANCE) + "&year=2022&format=pdf", 400,
                "/api/ledger?unit=" + q(FINANCE) + "&year=2019", 404,
                "/api/ledger?unit=" + q("没有这个单位") + "&year=2022", 404);
        for (var e : cases.entrySet()) {
            HttpResponse<byte[]> r = get(e.getKey());
            assertEquals(e.getValue(), r.statusCode(), e.getKey());
            String error = JSON.readTree(r.body()).get("error").asText();
            assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
        }
    }

    @Test
    void anExportIsAuditedOnceWithWhatLeft() throws Exception {
        long before = app.auth().audit().query(AuditQuery.all()).total();
        file("/api/ledger?unit=" + q(FINANCE) + "&year=2022&format=docx", "docx");
        List<AuditEntry> entries = app.auth().audit().query(AuditQuery.all()).entries();
        assertEquals(before + 1, app.auth().audit().query(AuditQuery.all()).total(), "one entry for one export");
        AuditEntry e = entries.stream().max(java.util.Comparator.comparingLong(AuditEntry::id)).orElseThrow();
        assertEquals("export", e.action());
        assertEquals("ledger", e.detail().get("what"));
        assertEquals("docx", e.detail().get("format"));
        assertEquals(expectedLedger().size(), ((Number) e.detail().get("rows")).intValue());

        // a parameter that is wrong is no export: nothing recorded
        long now = app.auth().audit().query(AuditQuery.all()).total();
        assertEquals(400, get("/api/compare/export?unit=" + q(FINANCE) + "&from=2022&to=2023&format=pdf").statusCode());
        assertEquals(400, get("/api/compare/export?unit=" + q(FINANCE) + "&from=2024&to=2022").statusCode());
        assertEquals(now, app.auth().audit().query(AuditQuery.all()).total());
    }

    // ---- Word output of 对比 and 查重 ----

    @Test
    void compareDocxPutsTheYearsSideBySideWithRepeatsAndStatuses() throws Exception {
        JsonNode c = json("/api/compare?unit=" + q(FINANCE) + "&from=2022&to=2023");
        byte[] docx = file("/api/compare/export?unit=" + q(FINANCE) + "&from=2022&to=2023&format=docx", "docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertLandscapeWithHeader(doc, FINANCE, "2022—2023年");
            XWPFTable t = doc.getTables().get(0);
            assertTrue(t.getRow(0).isRepeatHeader());
            assertTrue(t.getRow(0).getCell(0).getText().startsWith("2022年") && t.getRow(0).getCell(1).getText().startsWith("2023年"));
            StringBuilder left = new StringBuilder();
            StringBuilder right = new StringBuilder();
            for (XWPFTableRow row : t.getRows()) {
                if (row.getTableCells().size() == 2) {
                    left.append(row.getCell(0).getText()).append('\n');
                    right.append(row.getCell(1).getText()).append('\n');
                }
            }
            for (JsonNode a : c.get("aspects")) {
                a.get("from").get("problems").forEach(p -> assertTrue(left.toString().contains(p.get("text").asText()), "earlier in the left column"));
                a.get("to").get("problems").forEach(p -> assertTrue(right.toString().contains(p.get("text").asText()), "later in the right column"));
                assertTrue(text(doc).contains(a.get("label").asText()), "the aspect's heading");
            }
            int repeats = c.get("repeats").size();
            assertTrue(repeats > 0);
            assertEquals(repeats, count(right.toString(), "【重复"), "each repeated later problem badged once");
            for (int n = 1; n <= repeats; n++) {
                assertTrue(left.toString().contains("【重复" + n + "】"), "its earlier counterpart has the same badge " + n);
            }
            for (JsonNode m : c.get("measures")) {
                assertTrue(left.toString().contains("〔" + STATUS.get(m.get("status").asText()) + "〕" ), m.toString());
            }
            assertFalse(RAW_REF.matcher(left.toString() + right).find(), "places in words");
            // the shared runs are highlighted
            assertTrue(highlighted(doc) > 0, "shared text marked");
            assertTrue(text(doc).contains("已报告落实——"), "the legend of statuses");
        }
    }

    @Test
    void copyCheckDocxSetsTheCopiedPassagesSideBySide() throws Exception {
        JsonNode pairs = json("/api/copies?limit=5").get("pairs");
        assertTrue(pairs.size() > 0, "the samples hold copied reports");
        String id = pairs.get(0).get("copy").get("reportId").asText();
        JsonNode check = json("/api/copies/" + id);
        byte[] docx = file("/api/copies/" + id + "/export?format=docx", "docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertLandscapeWithHeader(doc, pairs.get(0).get("copy").get("unit").asText(), pairs.get(0).get("copy").get("year").asText() + "年");
            String all = text(doc);
            assertTrue(all.contains(new cn.reportarchive.export.Percent(check.get("share").asDouble()).text()), "the share as a percentage");
            List<XWPFTable> tables = doc.getTables();
            assertEquals(1 + check.get("sources").size(), tables.size(), "the list of sources, then one table per source");
            for (int s = 0; s < check.get("sources").size(); s++) {
                JsonNode source = check.get("sources").get(s);
                XWPFTable t = tables.get(s + 1);
                assertEquals(source.get("passages").size() + 1, t.getNumberOfRows());
                for (int i = 0; i < source.get("passages").size(); i++) {
                    JsonNode p = source.get("passages").get(i);
                    assertTrue(t.getRow(i + 1).getCell(0).getText().contains(p.get("text").asText()));
                    assertTrue(t.getRow(i + 1).getCell(1).getText().contains(p.get("sourceText").asText()));
                    assertFalse(RAW_REF.matcher(t.getRow(i + 1).getCell(0).getText()).find());
                }
            }
            assertTrue(highlighted(doc) > 0);
        }
    }

    // ---- reversed years ----

    @Test
    void reversedYearsAreRefusedWithASentence() throws Exception {
        for (String path : List.of("/api/compare", "/api/compare/export")) {
            HttpResponse<byte[]> r = get(path + "?unit=" + q(FINANCE) + "&from=2024&to=2022");
            assertEquals(400, r.statusCode());
            String error = JSON.readTree(r.body()).get("error").asText();
            assertTrue(error.contains("晚于") && error.contains("2022") && error.contains("2024"), error);
        }
    }

    // ---- every export: locations in words, shares as percentages, the unit ----

    @Test
    void everyExportNamesPlacesInWordsSharesInPercentAndTheUnit() throws Exception {
        String copied = json("/api/copies?limit=5").get("pairs").get(0).get("copy").get("reportId").asText();
        Map<String, List<String>> exports = new java.util.LinkedHashMap<>();
        exports.put("/api/compare/export?unit=" + q(FINANCE) + "&from=2022&to=2023", List.of("problems", "measures"));
        exports.put("/api/repeats/export?unit=" + q(FINANCE), List.of("chains", "trend"));
        exports.put("/api/repeats/common/export?limit=10", List.of("groups"));
        exports.put("/api/copies/export?limit=10", List.of("pairs"));
        exports.put("/api/copies/" + copied + "/export?limit=1", List.of("passages"));
        exports.put("/api/ledger?unit=" + q(FINANCE) + "&year=2022", List.of("ledger"));
        int percentCells = 0;
        for (var e : exports.entrySet()) {
            for (String part : e.getValue()) {
                List<CSVRecord> records = parse(new String(file(e.getKey() + "&format=csv&part=" + part, "csv"), StandardCharsets.UTF_8));
                List<String> headers = records.isEmpty() ? List.of() : records.get(0).getParser().getHeaderNames();
                assertFalse(records.isEmpty(), e.getKey() + " " + part);
                assertTrue(headers.stream().anyMatch(h -> h.endsWith("单位")), "a unit column in " + part + ": " + headers);
                for (CSVRecord r : records) {
                    for (String h : headers) {
                        String v = r.get(h);
                        if (h.endsWith("位置")) {
                            assertFalse(RAW_REF.matcher(v).find(), part + " " + h + ": " + v);
                        }
                        if ((h.contains("相似度") || h.contains("占比") || h.contains("占本材料")) && !v.isEmpty()) {
                            assertTrue(PERCENT.matcher(v).matches(), part + " " + h + ": " + v);
                            percentCells++;
                        }
                    }
                }
            }
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file(e.getKey() + "&format=xlsx", "xlsx")))) {
                for (int s = 0; s < book.getNumberOfSheets(); s++) {
                    XSSFSheet sheet = book.getSheetAt(s);
                    List<String> headers = cells(sheet.getRow(0));
                    for (int c = 0; c < headers.size(); c++) {
                        String h = headers.get(c);
                        if (!(h.contains("相似度") || h.contains("占比") || h.contains("占本材料"))) {
                            continue;
                        }
                        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                            Cell cell = sheet.getRow(r).getCell(c);
                            if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                                assertEquals("0%", cell.getCellStyle().getDataFormatString(), h);
                                assertTrue(new DataFormatter().formatCellValue(cell).endsWith("%"));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(percentCells > 10, "shares and similarities were checked: " + percentCells);
    }

    // ---- helpers ----

    static void assertLandscapeWithHeader(XWPFDocument doc, String unit, String years) {
        var size = doc.getDocument().getBody().getSectPr().getPgSz();
        assertEquals(STPageOrientation.LANDSCAPE, size.getOrient());
        assertTrue(((Number) size.getW()).longValue() > ((Number) size.getH()).longValue(), "wider than high");
        String header = doc.getHeaderList().stream().map(h -> h.getText()).collect(Collectors.joining("\n"));
        assertTrue(header.contains(unit), header);
        assertTrue(header.contains(years), header);
        assertTrue(header.contains("打印时间"), header);
        assertTrue(header.contains("内部资料"), header);
    }

    static String text(XWPFDocument doc) {
        try (var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs with a highlight, in every table cell of the document. */
    static long highlighted(XWPFDocument doc) {
        return doc.getTables().stream().flatMap(t -> t.getRows().stream()).flatMap(r -> r.getTableCells().stream())
                .flatMap(c -> c.getParagraphs().stream()).flatMap(p -> p.getRuns().stream())
                .filter(r -> r.isHighlighted()).count();
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1)))) {
            return parser.getRecords();
        }
    }

    static List<String> cells(Row row) {
        return cells(row, row.getLastCellNum());
    }

    static List<String> cells(Row row, int n) {
        DataFormatter format = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? "" : format.formatCellValue(cell));
        }
        return out;
    }
}
