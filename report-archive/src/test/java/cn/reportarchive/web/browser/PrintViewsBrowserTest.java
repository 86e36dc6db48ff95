package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.SharedSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The pages as printed (headless Chromium's print to PDF, read back with PDFBox): each with its
 * heading (unit, years, query), the legend of the badges it shows, folded parts open, and the stamp
 * 内部资料·注意保存 with who printed and when; the Word buttons; reversed years on 对比.
 */
@ExtendWith(SharedSamples.Resolver.class)
class PrintViewsBrowserTest extends SampleSiteTest {
    @BeforeAll
    void start(SharedSamples shared) throws Exception {
        Browser.assumeAvailable(getClass().getSimpleName());
        startOn(SampleSite.over(shared)); // only prints and reads: the run's shared sample archive
    }

    /** The printed text, without the spaces and line breaks PDF text extraction puts between characters. */
    private String printed(String name) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(browser.print(name))) {
            return squeeze(new PDFTextStripper().getText(pdf));
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s\u3000]+", "");
    }

    private static void assertStamped(String text) {
        assertTrue(text.contains("内部资料·注意保存"), "the stamp: " + text.substring(0, Math.min(300, text.length())));
        assertTrue(text.contains("打印人：本机用户（未设账户）"), "who printed");
        assertTrue(text.matches("(?s).*打印时间：\\d{4}-\\d{2}-\\d{2}\\d{2}:\\d{2}.*"), "when");
    }

    @Test
    void comparePrintsItsHeadingTheLegendAndTheStamp() throws Exception {
        driver.get(base + "compare.html?unit=" + enc(FINANCE) + "&from=2022&to=2023");
        wait.until(d -> !d.findElements(By.cssSelector("li.paired[data-side=to]")).isEmpty());
        wait.until(d -> d.findElement(By.cssSelector("#print-heading .print-legend")).getDomProperty("textContent").contains("未见下文"));
        String text = printed("print-compare");
        assertTrue(text.contains(squeeze(FINANCE + " 领导班子　2022年与2023年对照检查材料对比")), "the heading");
        assertTrue(text.contains("图例："), "the legend");
        assertTrue(text.contains("已报告落实后一年材料的整改落实情况写到了这条措施"), "a status and what it means");
        assertTrue(text.contains("未见下文后一年材料既没有报告它的落实"));
        assertTrue(text.contains("重复n后一年的问题与前一年某条问题实质相同"), "the repeat badges explained");
        assertTrue(text.contains("标黄两年材料相同的文字"));
        assertStamped(text);
        assertFalse(text.contains("导出Excel"), "no buttons on paper");

        // a Word file behind the button, and the year's 整改台账 beside it
        for (String id : new String[] {"export-docx", "ledger-docx"}) {
            HttpResponse<byte[]> docx = get(driver.findElement(By.id(id)).getDomProperty("href"));
            assertEquals(200, docx.statusCode(), id);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
                assertFalse(doc.getTables().isEmpty(), id);
            }
        }
        assertEquals(200, get(driver.findElement(By.id("ledger-xlsx")).getDomProperty("href")).statusCode());
    }

    @Test
    void reversedYearsAreRefusedOnThePageInTheServersWords() {
        driver.get(base + "compare.html?unit=" + enc(FINANCE) + "&from=2024&to=2022");
        WebElement error = wait.until(d -> d.findElement(By.cssSelector("#compare-body .error")));
        assertTrue(error.getText().contains("晚于") && error.getText().contains("从 2022 年到 2024 年"), error.getText());
        assertTrue(driver.findElements(By.cssSelector("li.point")).isEmpty(), "nothing marked 未见下文 by mistake");
    }

    @Test
    void copiesPrintsWithFoldedSourcesOpened() throws Exception {
        JsonNode pairs = getJson("api/copies?limit=5").get("pairs");
        String id = pairs.get(0).get("copy").get("reportId").asText();
        JsonNode check = getJson("api/copies/" + id);
        driver.get(base + "copies.html?id=" + id);
        WebElement first = wait.until(d -> d.findElement(By.cssSelector("details.source")));
        // the reader folds the first source: its passages still print, and it is folded again after
        ((JavascriptExecutor) driver).executeScript("arguments[0].open = false;", first);
        wait.until(d -> d.findElement(By.id("print-heading")).getDomProperty("textContent").contains("查重"));
        String text = printed("print-copies");
        JsonNode source = check.get("sources").get(0);
        String passage = source.get("passages").get(0).get("sourceText").asText();
        assertTrue(text.contains(squeeze(passage).substring(0, Math.min(20, squeeze(passage).length()))), "a folded source's passage printed");
        JsonNode copy = pairs.get(0).get("copy");
        assertTrue(text.contains(squeeze("查重　" + copy.get("unit").asText() + " " + copy.get("year").asText() + "年")), "the heading names the report");
        assertTrue(text.contains("标黄与雷同材料或范文相同的文字"), "the legend");
        assertStamped(text);
        // afterprint comes once the print is done
        wait.withTimeout(java.time.Duration.ofSeconds(10)).until(d -> !Boolean.TRUE.equals(
                ((JavascriptExecutor) driver).executeScript("return arguments[0].open;", first)));
        wait.withTimeout(java.time.Duration.ofSeconds(30));
        HttpResponse<byte[]> docx = get(driver.findElement(By.id("export-docx")).getDomProperty("href"));
        assertEquals(200, docx.statusCode());
    }

    @Test
    void repeatsPrintsTheUnitAndYearsWithTheLegend() throws Exception {
        driver.get(base + "repeats.html?unit=" + enc(FINANCE));
        wait.until(d -> !d.findElements(By.cssSelector("li.chain")).isEmpty());
        wait.until(d -> d.findElement(By.id("print-heading")).getDomProperty("textContent").contains("重复问题"));
        String text = printed("print-repeats");
        assertTrue(text.contains(squeeze("重复问题　" + FINANCE + " 领导班子　2022—2024年")), "the heading");
        assertTrue(text.contains("图例："));
        assertTrue(text.contains("措施落实至少有一年") || text.contains("措施落实没有一年"), "the chain statuses explained");
        assertStamped(text);
    }

    @Test
    void searchPrintsItsQueryAndTheMarks() throws Exception {
        driver.get(base + "index.html?q=" + enc("八项规定"));
        wait.until(d -> !d.findElements(By.cssSelector(".hit mark")).isEmpty());
        wait.until(d -> d.findElement(By.id("print-heading")).getDomProperty("textContent").contains("八项规定"));
        String text = printed("print-search");
        assertTrue(text.contains(squeeze("检索结果　检索式：八项规定")), "the query");
        assertTrue(text.contains("标黄与检索词相符的文字"), "the legend of the marks");
        assertStamped(text);
    }

    @Test
    void aReportPrintsUnitYearAndTitle() throws Exception {
        String id = idByFile.get("linjiang-czj-2023.pdf");
        JsonNode r = getJson("api/reports/" + id);
        driver.get(base + "report.html?id=" + id);
        wait.until(d -> d.findElement(By.id("print-heading")).getDomProperty("textContent").contains(FINANCE));
        String text = printed("print-report");
        assertTrue(text.contains(squeeze(FINANCE + " 2023年")), "unit and year at the head");
        assertTrue(text.contains(squeeze("《" + r.get("title").asText() + "》")), "the title");
        assertStamped(text);
    }
}
