package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.AuditLog;
import cn.reportarchive.auth.AuditQuery;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The 重复问题 and 查重 pages and the template library, in headless Chromium over the whole
 * sample archive, with the exports read back and checked against the JSON answers.
 */
class ChecksBrowserTest extends SampleSiteTest {
    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Browser.assumeAvailable(getClass().getSimpleName());
        startOn(SampleSite.start(dataDir)); // its own archive: the template library test adds and removes a template
    }

    // ---- 重复问题 ----

    @Test
    void repeatsPageShowsChainsAndDrawsTheTrend() throws Exception {
        JsonNode h = getJson("api/repeats?unit=" + enc(FINANCE));
        driver.get(base + "repeats.html?unit=" + enc(FINANCE));
        wait.until(d -> !d.findElements(By.cssSelector("#chains li.chain")).isEmpty());
        List<WebElement> chains = driver.findElements(By.cssSelector("#chains li.chain"));
        assertEquals(h.get("chains").size(), chains.size());
        int longest = 0;
        for (JsonNode c : h.get("chains")) {
            longest = Math.max(longest, c.get("times").asInt());
        }
        WebElement first = chains.get(0);
        assertTrue(first.getText().contains("提出 " + longest + " 次"), first.getText());
        assertEquals(longest, first.findElements(By.cssSelector(".chain-link")).size());
        assertFalse(first.findElements(By.cssSelector(".status")).isEmpty());
        assertTrue(first.findElement(By.cssSelector(".chain-link a.ref")).getDomAttribute("href").startsWith("report.html?id="));

        // the chart: ECharts from the jar has drawn on its canvas
        WebElement canvas = wait.until(d -> d.findElement(By.cssSelector("#trend-chart canvas")));
        assertTrue(canvas.getSize().getWidth() > 300 && canvas.getSize().getHeight() > 200, canvas.getSize().toString());
        Number painted = (Number) ((JavascriptExecutor) driver).executeScript(
                "const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", canvas);
        assertTrue(painted.intValue() > 5000, "pixels drawn: " + painted);
        assertEquals(h.get("trend").size(), driver.findElements(By.cssSelector("#trend-table tbody tr")).size());
        browser.screenshot("repeats");

        // the archive-wide list
        wait.until(d -> !d.findElements(By.cssSelector("#groups li.group")).isEmpty()
                || !d.findElements(By.cssSelector("#common-body .notice, #common-body .error")).isEmpty());
        JsonNode common = getJson("api/repeats/common?limit=20");
        assertEquals(common.get("groups").size(), driver.findElements(By.cssSelector("#groups li.group")).size());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(base + "api/repeats/common/export?format=xlsx&limit=20").body()))) {
            int examples = 0;
            for (JsonNode g : common.get("groups")) {
                examples += g.get("examples").size();
            }
            assertEquals(examples, rows(book.getSheet("常见问题")).size(), "one row per example of a common problem");
        }
        ((JavascriptExecutor) driver).executeScript("document.getElementById('common-title').scrollIntoView();");
        browser.screenshot("repeats-common");

        HttpResponse<byte[]> xlsx = get(base + "api/repeats/export?format=xlsx&unit=" + enc(FINANCE));
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            int links = 0;
            for (JsonNode c : h.get("chains")) {
                links += c.get("links").size();
            }
            assertEquals(links, rows(book.getSheet("重复问题链")).size(), "one row per statement of a repeated problem");
        }
    }

    // ---- 查重 ----

    @Test
    void copiesPageShowsSourcesWithShareAndPassages() throws Exception {
        String id = idByFile.get("linjiang-sjj-2023.docx");
        JsonNode check = getJson("api/copies/" + id);
        driver.get(base + "copies.html?id=" + id);
        wait.until(d -> !d.findElements(By.cssSelector("#sources tbody tr")).isEmpty());
        List<WebElement> sources = driver.findElements(By.cssSelector("#sources tbody tr"));
        assertEquals(check.get("sources").size(), sources.size());
        String share = sources.get(0).findElement(By.cssSelector(".share b")).getText();
        assertEquals(Math.round(check.get("sources").get(0).get("share").asDouble() * 100) + "%", share);
        assertTrue(driver.findElement(By.id("share")).getText().matches("\\d+%"), driver.findElement(By.id("share")).getText());
        WebElement passages = driver.findElement(By.cssSelector("#source-1 table.passages"));
        assertFalse(passages.findElements(By.cssSelector("tbody tr td:first-child mark")).isEmpty());
        assertFalse(passages.findElements(By.cssSelector("tbody tr td:last-child mark")).isEmpty());
        browser.screenshot("copies");

        wait.until(d -> !d.findElements(By.cssSelector("#pairs tbody tr")).isEmpty());
        JsonNode pairs = getJson("api/copies?limit=20").get("pairs");
        assertEquals(pairs.size(), driver.findElements(By.cssSelector("#pairs tbody tr")).size());

        // the exports of both lists, one row per passage and per pair; an unknown report is a 404 in words
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(base + "api/copies/" + id + "/export?format=xlsx").body()))) {
            int passageCount = 0;
            for (JsonNode source : check.get("sources")) {
                passageCount += source.get("passages").size();
            }
            assertEquals(passageCount, rows(book.getSheetAt(0)).size());
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(base + "api/copies/export?format=xlsx&limit=20").body()))) {
            List<Map<String, String>> rows = rows(book.getSheetAt(0));
            assertEquals(pairs.size(), rows.size());
            assertEquals(pairs.get(0).get("copy").get("reportId").asText(), rows.get(0).get("材料编号"));
            assertEquals(pairs.get(0).get("source").get("reportId").asText(), rows.get(0).get("来源编号"));
        }
        HttpResponse<byte[]> unknown = get(base + "api/copies/0000000000000000/export?format=csv");
        assertEquals(404, unknown.statusCode());
        assertTrue(json.readTree(unknown.body()).get("error").asText().contains("找不到"));
        assertEquals(400, get(base + "api/copies/export?limit=0").statusCode());
    }

    @Test
    void copiesPageIsHeadedFromItsAnswerAndViewsNoReport() throws Exception {
        String id = idByFile.get("linjiang-sjj-2023.docx");
        AuditLog log = sample.site.app.auth().audit();
        AuditQuery views = new AuditQuery(null, AuditAction.VIEW.key(), id, null, null, 1, AuditQuery.MAX_SIZE);
        AuditQuery checks = new AuditQuery(null, AuditAction.COMPARE.key(), id, null, null, 1, AuditQuery.MAX_SIZE);
        long viewsBefore = log.query(views).total();
        long checksBefore = log.query(checks).total();
        JsonNode check = getJson("api/copies/" + id);
        String who = check.get("unit").asText() + " " + check.get("year").asInt() + "年 "
                + (check.get("author").isNull() ? "领导班子" : check.get("author").asText());

        driver.get(base + "copies.html?id=" + id);
        wait.until(d -> !d.findElements(By.cssSelector("#sources tbody tr")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#pairs tbody tr")).isEmpty());
        String heading = wait.until(d -> {
            String h = d.findElement(By.id("print-heading")).getDomProperty("textContent");
            return h.contains(who) ? h : null;
        });
        assertTrue(heading.contains("《" + check.get("title").asText() + "》"), heading);
        assertEquals(checksBefore + 2, log.query(checks).total(), "the check asked for here and by the page, each recorded");
        assertEquals(viewsBefore, log.query(views).total(), "the page opened no report to head itself");
    }

    @Test
    void templateLibraryAddsListsFlagsACopyAndDeletes(@TempDir Path dir) throws Exception {
        // a "template circulating online" made of one report's problems: that report now copies a template
        String id = idByFile.get("yunxi-dw-2022.txt");
        StringBuilder text = new StringBuilder();
        for (JsonNode section : getJson("api/reports/" + id).get("sections")) {
            if (section.get("type").asText().equals("problems")) {
                section.get("blocks").forEach(b -> b.get("items").forEach(i -> text.append(i.get("text").asText()).append('\n')));
            }
        }
        Path template = dir.resolve("网传范文.txt");
        Files.writeString(template, text.toString(), StandardCharsets.UTF_8);

        driver.get(base + "copies.html");
        wait.until(d -> !d.findElements(By.cssSelector("#templates, #templates-body p:not(.muted), #templates-body .muted")).isEmpty()
                && !d.findElement(By.id("templates-body")).getText().contains("正在加载"));
        int before = driver.findElements(By.cssSelector("#templates tbody tr")).size();
        driver.findElement(By.id("t-file")).sendKeys(template.toAbsolutePath().toString());
        driver.findElement(By.id("t-name")).sendKeys("测试范文");
        driver.findElement(By.id("t-add")).click();
        wait.until(d -> d.findElements(By.cssSelector("#templates tbody tr")).size() == before + 1);
        WebElement row = driver.findElements(By.cssSelector("#templates tbody tr")).stream()
                .filter(r -> r.getText().contains("测试范文")).findFirst().orElseThrow();
        assertTrue(row.getText().matches("(?s).*测试范文.*\\d+.*\\d{4}/\\d{1,2}/\\d{1,2}.*"), row.getText());
        browser.screenshot("templates");

        try {
            driver.get(base + "copies.html?id=" + id);
            WebElement flagged = wait.until(d -> d.findElements(By.cssSelector("#check details.source")).stream()
                    .filter(s -> s.getText().contains("照抄范文")).findFirst().orElse(null));
            assertTrue(flagged.getText().contains("测试范文"), flagged.getText());
            assertFalse(flagged.findElements(By.cssSelector("table.passages mark")).isEmpty());
        } finally {
            driver.get(base + "copies.html");
            WebElement added = wait.until(d -> d.findElements(By.cssSelector("#templates tbody tr")).stream()
                    .filter(r -> r.getText().contains("测试范文")).findFirst().orElse(null));
            added.findElement(By.cssSelector("button")).click();
            driver.switchTo().alert().accept();
            wait.until(d -> d.findElements(By.cssSelector("#templates tbody tr")).size() == before);
        }
    }
}
