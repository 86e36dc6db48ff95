package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Snippets are HTML: the passage's own text is escaped and the only real tags are mark tags. */
@Tag("integration")
class SnippetEscapingTest {
    private static final String REPORT = String.join("\n",
            "中共测试县网信办党组领导班子2023年度民主生活会对照检查材料",
            "",
            "根据县委通知要求，班子认真开展谈心谈话，深入查摆问题，现报告如下。",
            "",
            "一、查摆的问题",
            "（一）在理论学习方面",
            "1.理论学习不够深入，门户网站留言板曾出现<script>alert(\"注入\")</script>等恶意代码，网络安全意识不强。",
            "2.学习形式比较单一，对A&B两类干部培训没有区分开展，<b>分类施策</b>不够。",
            "（二）在工作作风方面",
            "1.调查研究不够深入，对基层<img src=x onerror=alert(1)>情况掌握不全面。",
            "二、原因分析",
            "（一）理论武装不够扎实",
            "理论学习抓得不紧，满足于完成规定动作。",
            "三、整改措施",
            "（一）在理论学习方面",
            "1.制定年度学习计划，每月至少集中学习一次，网站留言须经审核后发布。",
            "",
            "中共测试县网信办党组",
            "2024年1月10日",
            "");

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    @TempDir
    static Path dir;
    static Application app;
    static String id;

    @BeforeAll
    static void open() throws Exception {
        app = TestArchive.open(dir.resolve("data"));
        Path file = dir.resolve("wangxin-2023.txt");
        Files.writeString(file, REPORT, StandardCharsets.UTF_8);
        id = TestArchive.importBytes(app, file.getFileName().toString(), Files.readAllBytes(file), ImportMetadata.NONE);
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    private static void assertOnlyMarkTags(String snippet) {
        Matcher m = TAG.matcher(snippet);
        while (m.find()) {
            assertTrue(m.group().equals("<mark>") || m.group().equals("</mark>"),
                    "only mark tags are real tags, found " + m.group() + " in " + snippet);
        }
        String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
        assertFalse(withoutMarks.contains("<") || withoutMarks.contains(">"), snippet);
        assertFalse(withoutMarks.matches(".*&(?!(lt|gt|amp|quot|#\\d+|#x[0-9a-fA-F]+);).*"),
                "every & is an entity: " + snippet);
    }

    private static SearchHit onlyHit(String query) throws Exception {
        List<SearchHit> hits = TestArchive.allHits(app, query, null, null, null, null);
        assertFalse(hits.isEmpty(), "'" + query + "' finds the passage");
        return hits.get(0);
    }

    @Test
    void scriptTagInAPassageIsEscapedInTheSnippet() throws Exception {
        SearchHit hit = onlyHit("恶意代码");
        assertEquals(id, hit.reportId());
        assertEquals("problems/1/1", hit.ref());
        assertTrue(hit.text().contains("<script>alert(\"注入\")</script>"), "text is plain text: " + hit.text());
        assertTrue(hit.snippet().contains("&lt;script&gt;"), hit.snippet());
        assertFalse(hit.snippet().contains("</script>"), hit.snippet());
        assertTrue(hit.snippet().contains("alert(&quot;注入&quot;)"), hit.snippet());
        assertTrue(hit.snippet().contains("<mark>恶意代码</mark>") || hit.snippet().contains("<mark>恶意</mark>"),
                hit.snippet());
        assertOnlyMarkTags(hit.snippet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"script", "alert", "注入", "网络安全", "分类施策", "A&B", "掌握不全面", "基层"})
    void onlyMarkTagsAreRealTags(String query) throws Exception {
        SearchHit hit = onlyHit(query);
        assertTrue(hit.snippet().contains("<mark>"), hit.snippet());
        assertOnlyMarkTags(hit.snippet());
    }

    @Test
    void ampersandAndBoldTagAreEscaped() throws Exception {
        SearchHit hit = onlyHit("分类施策");
        assertEquals("problems/1/2", hit.ref());
        assertTrue(hit.snippet().contains("A&amp;B"), hit.snippet());
        assertTrue(hit.snippet().contains("&lt;b&gt;"), hit.snippet());
    }

    @Test
    void imgTagIsEscaped() throws Exception {
        SearchHit hit = onlyHit("掌握不全面");
        assertTrue(hit.snippet().contains("&lt;img"), hit.snippet());
        assertOnlyMarkTags(hit.snippet());
    }
}
