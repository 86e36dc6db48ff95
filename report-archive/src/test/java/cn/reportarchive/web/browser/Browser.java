package cn.reportarchive.web.browser;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through chromium-driver (nothing downloaded at test time),
 * with what the browser tests share: screenshots and A4 print-outs into target/screenshots/.
 * Opening one skips the calling test class, with the reason printed, where Chromium or its
 * driver is missing.
 */
final class Browser implements AutoCloseable {
    static final Path SHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);   // the pages re-render while we look
    }

    /** Skips the test class (JUnit assumption) when there is no browser to drive. */
    static void assumeAvailable(String testName) {
        String missing = Chromium.missing();
        if (missing != null) {
            System.out.println("[" + testName + "] 跳过浏览器测试：" + missing);
        }
        Assumptions.assumeTrue(missing == null, "browser tests skipped: " + missing);
    }

    static Browser open() throws IOException {
        Files.createDirectories(SHOTS);
        return new Browser(Chromium.start());
    }

    void screenshot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The page as printed with the print stylesheet, as a PDF beside the screenshots; returns the
     * PDF. The paper is A4; the stylesheet's @page rules give the orientation and margins.
     */
    byte[] print(String name) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setPageMargin(new PageMargin(0, 0, 0, 0));   // the stylesheet's @page margins apply
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(driver.print(options).getContent());
        try {
            Files.write(SHOTS.resolve(name + ".pdf"), pdf);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return pdf;
    }

    String decodedUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
