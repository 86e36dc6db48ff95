package cn.reportarchive.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AspectTaxonomyTest {
    private final AspectTaxonomy taxonomy = AspectTaxonomy.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            （一）在带头深刻领悟“两个确立”的决定性意义、增强“四个意识”方面 | political
            （二）理论学习方面                                         | theory
            （一）强化理论武装，深刻理解“两个确立”                    | theory
            （二）在带头坚持和加强党的全面领导方面                     | leadership
            （三）在带头践行以人民为中心的发展思想方面                 | people
            （四）在带头贯彻落实党中央决策部署、推动高质量发展方面     | people
            （五）在带头发扬斗争精神、防范化解风险方面                 | responsibility
            （三）能力本领方面                                         | ability
            （四）在带头改进工作作风、力戒形式主义官僚主义方面         | style
            （六）在带头落实全面从严治党政治责任方面                   | integrity
            （二）政治能力方面                                         | political
            （七）其他需要说明的情况                                   | other
            """)
    void classifiesHeadings(String heading, String expected) {
        assertEquals(expected, taxonomy.classify(heading.strip()));
    }

    @Test
    void resolvesKeysAndLabels() {
        assertEquals("theory", taxonomy.resolve("理论学习").orElseThrow());
        assertEquals("style", taxonomy.resolve("style").orElseThrow());
        assertEquals("廉洁自律", taxonomy.label("integrity"));
        assertEquals(9, taxonomy.aspects().size());
    }

    @Test
    void aUserFileAddsKeywordsAndAspects(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("aspects.tsv");
        Files.writeString(file, "# extension\nstyle\t\t基层减负\nsafety\t安全生产\t安全生产,防汛\n", StandardCharsets.UTF_8);
        AspectTaxonomy extended = AspectTaxonomy.withExtension(file);
        assertEquals("other", taxonomy.classify("（三）在切实为基层减负上"));
        assertEquals("style", extended.classify("（三）在切实为基层减负上"));
        assertEquals("工作作风", extended.label("style"), "the label stays when the line leaves it empty");
        assertEquals("safety", extended.classify("（五）在抓好安全生产方面"));
        assertEquals(10, extended.aspects().size());
    }
}
