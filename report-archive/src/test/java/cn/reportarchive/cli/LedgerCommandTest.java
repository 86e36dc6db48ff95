package cn.reportarchive.cli;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ledger on the command line: the three formats read back against compare --json, and its errors. */
@Tag("integration")
class LedgerCommandTest {
    private static final Map<String, String> STATUS = Map.of("reported", "已报告落实", "recurred", "问题再次出现", "no-trace", "未见下文");
    @TempDir
    static Path tmp;
    static String data;

    @BeforeAll
    static void importTwoYears() {
        data = CliRunner.importSamples(tmp, "linjiang-czj-2022.docx", "linjiang-czj-2023.pdf");
    }

    @Test
    void theLedgerOfAYearFollowsEachMeasureAsCompareDoes() throws Exception {
        JsonNode c = CliRunner.run("compare", "--unit", "临江县财政局", "--from", "2022", "--to", "2023", "--json", "--data", data).json();
        JsonNode measures = c.get("measures");
        Path xlsx = tmp.resolve("台账.xlsx");
        CliRunner.Result r = CliRunner.run("ledger", "--unit", "临江县财政局", "--year", "2022", "--out", xlsx.toString(), "--data", data);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(measures.size() + " 条措施") && r.out().contains("2023"), r.out());
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheet("整改台账");
            assertEquals(measures.size(), sheet.getLastRowNum());
            DataFormatter f = new DataFormatter();
            for (int i = 0; i < measures.size(); i++) {
                JsonNode m = measures.get(i);
                assertEquals(m.get("measure").get("text").asText(), f.formatCellValue(sheet.getRow(i + 1).getCell(3)));
                assertTrue(f.formatCellValue(sheet.getRow(i + 1).getCell(6)).startsWith(STATUS.get(m.get("status").asText())));
            }
            assertTrue(sheet.getPrintSetup().getLandscape());
        }

        Path csv = tmp.resolve("ledger.csv");
        assertEquals(0, CliRunner.run("ledger", "--unit", "临江县财政局", "--year", "2022", "--out", csv.toString(), "--data", data).code());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        try (CSVParser p = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text.substring(1)))) {
            List<CSVRecord> rows = p.getRecords();
            assertEquals(measures.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertTrue(rows.get(i).get("完成情况").startsWith(STATUS.get(measures.get(i).get("status").asText())));
            }
        }

        // --format wins over the name
        Path docx = tmp.resolve("ledger.out");
        assertEquals(0, CliRunner.run("ledger", "--unit", "临江县财政局", "--year", "2022", "--format", "docx", "--out", docx.toString(),
                "--data", data).code());
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx))) {
            XWPFTable t = doc.getTables().get(0);
            assertEquals(measures.size() + 1, t.getNumberOfRows());
            assertTrue(t.getRow(0).isRepeatHeader());
            for (int i = 0; i < measures.size(); i++) {
                assertTrue(t.getRow(i + 1).getCell(6).getText().startsWith(STATUS.get(measures.get(i).get("status").asText())));
            }
        }
    }

    @Test
    void aYearWithoutItsNextWaitsForIt() throws Exception {
        Path csv = tmp.resolve("2023.csv");
        CliRunner.Result r = CliRunner.run("ledger", "--unit", "临江县财政局", "--year", "2023", "--out", csv.toString(), "--data", data);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("待下年材料"), r.out());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("待下年材料"));
        assertFalse(text.contains("已报告落实"));
    }

    @Test
    void badInputIsOneChineseSentenceAndTheRightExitCode() {
        String out = tmp.resolve("x.xlsx").toString();
        CliRunner.Result r = CliRunner.run("ledger", "--unit", "临江县财政局", "--year", "2019", "--out", out, "--data", data);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("没有") && r.err().contains("2019"), r.err());
        r = CliRunner.run("ledger", "--unit", "临江县财政局", "--year", "2022", "--format", "pdf", "--out", out, "--data", data);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format"), r.err());
        r = CliRunner.run("ledger", "--unit", "临江县财政局", "--year", "2022", "--out", tmp.resolve("no/such/dir/x.xlsx").toString(), "--data", data);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("无法写入"), r.err());
        r = CliRunner.run("compare", "--unit", "临江县财政局", "--from", "2023", "--to", "2022", "--data", data);
        assertEquals(2, r.code(), "reversed years are refused, not swapped");
        assertTrue(r.err().contains("晚于"), r.err());
        assertEquals(1, r.errLines().size(), "one sentence: " + r.err());
    }
}
