package cn.reportarchive.web.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, through chromium-driver: nothing is downloaded at test time. */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Why the browser tests cannot run here (in Chinese, for the test log), or null when they can. */
    static String missing() {
        return !Files.isExecutable(BINARY) ? BINARY + " 不存在（请安装 Debian 软件包 chromium）"
                : !Files.isExecutable(DRIVER) ? DRIVER + " 不存在（请安装 Debian 软件包 chromium-driver）" : null;
    }

    static ChromeDriver start() {
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        // The driver executable is given, so Selenium Manager never runs and nothing is downloaded.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--window-size=1280,1600", "--disable-dev-shm-usage", "--lang=zh-CN");
        return new ChromeDriver(service, options);
    }
}
