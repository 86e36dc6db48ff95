package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Markup inside a text file is text: extraction keeps it verbatim, escaping is the viewer's job. */
class MarkupInPlainTextTest {
    private static TikaExtractor extractor;

    @BeforeAll
    static void open() {
        extractor = Fixtures.defaultExtractor();
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    @Test
    void scriptTagInTheMiddleOfATextFileIsKeptAsText() throws ExtractionException {
        String text = "（三）在带头改进工作作风方面\n1.有的同志在网页留言中粘贴<script>alert(1)</script>等代码，网络安全意识不强。";
        ExtractedText extracted = extractor.extract(text.getBytes(StandardCharsets.UTF_8), "对照检查材料.txt");
        assertEquals("text/plain", extracted.mediaType());
        assertEquals(text, extracted.text());
    }

    @Test
    void textFileOpeningWithAScriptTagIsStillPlainText() throws ExtractionException {
        String text = "<script>alert(1)</script>\n一、存在的问题";
        ExtractedText extracted = extractor.extract(text.getBytes(StandardCharsets.UTF_8), "对照检查材料.txt");
        assertEquals("text/plain", extracted.mediaType());
        assertEquals(text, extracted.text());
    }
}
