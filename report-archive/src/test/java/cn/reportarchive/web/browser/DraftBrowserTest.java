package cn.reportarchive.web.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The 核对草稿 page (a draft uploaded and shown as 对比 shows two years, the silent measures listed)
 * and the report page's follow-up (each measure's fate, the claimed numbers checked), in headless
 * Chromium over the sample archive.
 */
class DraftBrowserTest extends SampleSiteTest {
    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Browser.assumeAvailable(getClass().getSimpleName());
        startOn(SampleSite.start(dataDir)); // its own archive: it counts what a draft check leaves behind
    }
    private static final Map<String, String> STATUS = Map.of("reported", "已报告落实", "recurred", "问题再次出现", "no-trace", "未见下文");

    @Test
    void aDraftIsCheckedAndNothingIsStored() throws Exception {
        int reports = getJson("api/health").get("reports").asInt();
        driver.get(base + "index.html");
        WebElement link = wait.until(d -> d.findElement(By.cssSelector("nav a[data-nav=draft]")));
        assertEquals("核对草稿", link.getText());
        link.click();
        wait.until(d -> new Select(d.findElement(By.id("d-unit"))).getOptions().size() > 1);
        new Select(driver.findElement(By.id("d-unit"))).selectByValue(FINANCE);
        driver.findElement(By.id("d-file")).sendKeys(Path.of("tools/samples/linjiang-czj-2023.txt").toAbsolutePath().toString());
        driver.findElement(By.id("d-submit")).click();
        WebElement silent = wait.until(d -> d.findElement(By.cssSelector("#not-accounted h2")));

        List<WebElement> silentItems = driver.findElements(By.cssSelector("#not-accounted li.point"));
        assertFalse(silentItems.isEmpty(), "the samples plant measures never mentioned again");
        assertEquals("以下 " + silentItems.size() + " 条上年措施在草稿中未见下文", silent.getText());
        // as 对比 shows them: the repeats badged on both sides, each earlier measure with its status
        List<WebElement> later = driver.findElements(By.cssSelector("#compare-grid li.paired[data-side=to]"));
        assertEquals(6, later.size(), "the answer key plants six repeats from 2022 to 2023");
        assertEquals("6", driver.findElement(By.id("repeat-count")).getText());
        for (WebElement right : later) {
            String pair = right.getDomAttribute("data-pairs");
            assertFalse(driver.findElements(By.cssSelector("#compare-grid li.paired[data-side=from] .pair-badge[data-pair='" + pair + "']"))
                    .isEmpty(), "the earlier problem of pair " + pair);
            assertFalse(right.findElements(By.cssSelector(".point-text mark")).isEmpty(), "shared words marked");
        }
        JsonNode archived = getJson("api/compare?unit=" + enc(FINANCE) + "&from=2022&to=2023");
        List<WebElement> statuses = driver.findElements(By.cssSelector("#compare-grid li.point[data-side=from] .point-head .status"));
        assertEquals(archived.get("measures").size(), statuses.size());
        assertEquals(silentItems.size(), statuses.stream().filter(s -> s.getText().equals(STATUS.get("no-trace"))).count());
        assertTrue(driver.findElement(By.id("compared-with")).getText().contains(idByFile.get("linjiang-czj-2022.docx")));
        browser.screenshot("draft");
        assertEquals(reports, getJson("api/health").get("reports").asInt(), "the draft was not archived");
    }

    @Test
    void aFileThatIsNoReportIsRefusedInASentence(@org.junit.jupiter.api.io.TempDir Path scratch) throws Exception {
        Path notice = scratch.resolve("通知.txt");
        Files.writeString(notice, "关于召开党风廉政建设工作会议的通知\n请各股室负责人准时参加。", StandardCharsets.UTF_8);
        driver.get(base + "draft.html");
        wait.until(d -> new Select(d.findElement(By.id("d-unit"))).getOptions().size() > 1);
        driver.findElement(By.id("d-file")).sendKeys(notice.toString());
        driver.findElement(By.id("d-submit")).click();
        WebElement error = wait.until(d -> d.findElement(By.cssSelector("#draft-body .error")));
        assertTrue(error.getText().contains("不是一份对照检查材料"), error.getText());
    }

    @Test
    void theReportPageShowsEachMeasuresFateAndChecksTheClaimedNumbers() throws Exception {
        String id = idByFile.get("linjiang-czj-2023.pdf");
        JsonNode f = getJson("api/reports/" + id + "/followup");
        driver.get(base + "report.html?id=" + id);
        wait.until(d -> d.findElements(By.cssSelector(".followup")).size() == f.get("measures").size());
        for (JsonNode m : f.get("measures")) {
            WebElement box = driver.findElement(By.cssSelector("[id='" + m.get("ref").asText() + "'] + .followup, li[id='"
                    + m.get("ref").asText() + "'] .followup"));
            assertEquals(STATUS.get(m.get("status").asText()), box.findElement(By.cssSelector(".status")).getText());
            assertTrue(box.getSize().getWidth() > 400, "under the point's text, not squeezed into its number's column");
            if (m.get("evidence").size() > 0) {
                assertTrue(box.getText().contains(m.get("evidence").get(0).get("text").asText()), box.getText());
            }
        }
        WebElement claim = driver.findElement(By.id("claim-sentence"));
        assertEquals(f.get("claims").get("sentence").asText(), claim.getText());
        assertTrue(claim.getText().startsWith("原文称"), claim.getText());
        WebElement rectification = driver.findElement(By.cssSelector("section.part[data-type=rectification]"));
        assertFalse(rectification.findElements(By.id("claim-check")).isEmpty(), "the check stands in the rectification section");
        browser.screenshot("report-followup");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelector('section.part[data-type=measures]').scrollIntoView();");
        browser.screenshot("report-followup-measures");

        // the latest year has no next report: said once, no statuses
        driver.get(base + "report.html?id=" + idByFile.get("linjiang-czj-2024.doc"));
        WebElement note = wait.until(d -> d.findElement(By.id("followup-note")));
        assertTrue(note.getText().contains("2025"), note.getText());
        assertTrue(driver.findElements(By.cssSelector(".followup")).isEmpty());
    }
}
