package cn.reportarchive.web.browser;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.extract.ExtractionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The 检索 page's 查相似表述 mode and its 您是不是要找, in Chromium: a pasted problem lists the points
 * that say the same, most similar first, with what they share marked; bad text says why; a slip offers
 * the archive's wording, and clicking it searches. Skipped, with the reason, without Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class SimilarBrowserTest {
    private static final Path FIXTURES = Path.of("report-archive/src/test/resources/similar");
    private Site site;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Browser.assumeAvailable("SimilarBrowserTest");
        Application app = Application.open(dataDir, ExtractionLimits.defaults());
        for (String f : List.of("qingshan-jyj-2023.txt", "yunxi-nyb-2023.txt")) {
            app.archive().importFile(f, Files.readAllBytes(FIXTURES.resolve(f)), ImportMetadata.NONE);
        }
        for (String f : List.of("yunxi-dw-2022.txt", "yunxi-dw-2023.pdf")) {
            app.archive().importFile(f, Files.readAllBytes(Path.of("sample-docs", f)), ImportMetadata.NONE);
        }
        site = Site.start(app);
        driver = site.browser.driver;
        wait = site.browser.wait;
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aPastedProblemListsThePointsThatSayTheSame() {
        driver.get(site.base + "index.html");
        driver.findElement(By.id("mode-similar")).click();
        WebElement box = wait.until(d -> d.findElement(By.id("similar-text")));
        assertTrue(box.isDisplayed());
        assertFalse(driver.findElement(By.id("q")).isDisplayed(), "the search box gives way to the paste box");
        box.sendKeys("镇上对村里的考核检查和报表台账太多，指尖上的形式主义还没根除，统筹精简的办法少");
        driver.findElement(By.cssSelector("#similar-form button[type=submit]")).click();
        List<WebElement> hits = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#similar-hits li.hit"));
            return found.size() >= 3 ? found : null;
        });
        WebElement first = hits.get(0);
        assertTrue(first.getText().contains("指尖上的形式主义"), first.getText());
        assertTrue(first.findElement(By.cssSelector(".similarity")).getText().matches("相似度 \\d+%"), first.getText());
        assertTrue(first.findElements(By.cssSelector(".snippet mark")).stream().anyMatch(m -> m.getText().contains("形式主义")),
                "the shared runs are marked");
        int last = 101;
        for (WebElement h : hits) {
            int p = Integer.parseInt(h.findElement(By.cssSelector(".similarity")).getText().replaceAll("\\D", ""));
            assertTrue(p <= last, "most similar first");
            last = p;
        }
        assertTrue(hits.stream().anyMatch(h -> h.getText().contains("青山区教育局")), "another unit's wording of it");
        assertTrue(site.browser.decodedUrl().contains("mode=similar"), site.browser.decodedUrl());
        site.browser.screenshot("similar");

        // the address keeps the search: opened again, the same list
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#similar-hits li.hit")).size() == hits.size());
    }

    @Test
    void textWithoutWordsSaysWhy() {
        driver.get(site.base + "index.html?mode=similar");
        WebElement box = wait.until(d -> d.findElement(By.id("similar-text")));
        box.sendKeys("！！！……");
        driver.findElement(By.cssSelector("#similar-form button[type=submit]")).click();
        WebElement error = wait.until(d -> d.findElement(By.id("similar-error")));
        assertTrue(error.getText().contains("没有文字"), error.getText());
    }

    @Test
    void aSlipOffersTheArchivesWordingAndClickingItSearches() {
        driver.get(site.base + "index.html?q=" + Browser.enc("凝心筑魂"));
        WebElement offer = wait.until(d -> d.findElement(By.id("suggestions")));
        assertTrue(offer.getText().startsWith("您是不是要找"), offer.getText());
        offer.findElement(By.cssSelector("a[data-suggestion='凝心铸魂']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#hits li.hit")).size() >= 2);
        assertEquals("凝心铸魂", driver.findElement(By.id("q")).getDomProperty("value"));
        assertTrue(driver.findElements(By.id("suggestions")).isEmpty(), "a query that finds enough gets no offer");
    }
}
