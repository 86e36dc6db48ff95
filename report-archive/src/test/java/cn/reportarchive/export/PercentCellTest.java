package cn.reportarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A measure's evidence can score above 1 (an account longer than the measure it reports); the .xlsx cell
 * shows the same percentage as the .csv (100%), never 112%.
 */
class PercentCellTest {
    @Test
    void xlsxAndCsvShowOnePercentage() throws Exception {
        ExportTable t = new ExportTable.Builder("措施", "措施", "相似度").row("一是严格执行中心组学习计划", new Percent(1.119))
                .row("二是建立根治欠薪工作台账", new Percent(0.71)).build();
        String csv = new String(Spreadsheets.csv(t), StandardCharsets.UTF_8);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Spreadsheets.xlsx(List.of(t))))) {
            DataFormatter f = new DataFormatter();
            String first = f.formatCellValue(wb.getSheetAt(0).getRow(1).getCell(1));
            String second = f.formatCellValue(wb.getSheetAt(0).getRow(2).getCell(1));
            assertEquals("100%", first);
            assertEquals("71%", second);
            assertEquals(true, csv.contains(",100%") && csv.contains(",71%"), csv);
        }
    }
}
